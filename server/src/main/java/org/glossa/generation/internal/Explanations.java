package org.glossa.generation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.glossa.content.CourseSummary;
import org.glossa.content.Courses;
import org.glossa.content.ItemView;
import org.glossa.practice.AnsweredExercise;
import org.glossa.practice.AnsweredExercises;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.Entitlements;
import org.springframework.stereotype.Service;

/**
 * "Explain my answer": for an exercise of the learner's own session that they have answered, an
 * explanation grounded in the accepted answers and the words involved. Limited per learner per day
 * (their own day) unless they hold the {@code unlimited-explanations} entitlement; an explanation that
 * could not be produced does not count.
 */
@Service
public class Explanations {

    /** What the learner gets; {@code remainingToday} is null for learners without a limit. */
    public record Explanation(String explanation, String generator, boolean cached, Integer remainingToday) {
    }

    private final AnsweredExercises exercises;
    private final Courses courses;
    private final Tasks tasks;
    private final Quotas quotas;
    private final GenerationSettings settings;
    private final Entitlements entitlements;
    private final GroundingWords grounding;
    private final Clock clock;

    Explanations(AnsweredExercises exercises, Courses courses, Tasks tasks, Quotas quotas, GenerationSettings settings,
            Entitlements entitlements, GroundingWords grounding, Clock clock) {
        this.exercises = exercises;
        this.courses = courses;
        this.tasks = tasks;
        this.quotas = quotas;
        this.settings = settings;
        this.entitlements = entitlements;
        this.grounding = grounding;
        this.clock = clock;
    }

    public Explanation explain(UUID userId, UUID sessionId, String exerciseId, String answer) {
        AnsweredExercise exercise = exercises.find(userId, sessionId, exerciseId)
                .orElseThrow(() -> ApiProblem.notFound("The exercise in this session"));
        if (!exercise.answered()) {
            throw ApiProblem.conflict("Exercise '" + exerciseId + "' is not answered yet: answer it first, then ask why.");
        }
        CourseSummary course = courses.outline(exercise.courseId()).orElseThrow(() -> ApiProblem.notFound("The course"))
                .course();
        boolean unlimited = entitlements.has(userId, Entitlements.UNLIMITED_EXPLANATIONS);
        Integer remaining = null;
        Instant takenAt = clock.instant();
        if (!unlimited) {
            Quotas.Take take = quotas.takeForLearner(userId, Quotas.Kind.EXPLANATIONS, settings.explanationsPerDay());
            if (!take.taken()) {
                throw ApiProblem.rateLimited("You have used your " + take.limit() + " explanations for today; more from "
                        + take.resetsAt() + ".", take.retryAfter(clock)).with("resetsAt", take.resetsAt().toString())
                        .with("limit", take.limit());
            }
            remaining = take.limit() - take.used();
        }
        List<ItemView> items = exercise.itemIds().stream().map(courses::item).flatMap(java.util.Optional::stream).toList();
        List<String> notes = new ArrayList<>();
        items.forEach(item -> notes.add(item.text() + " = " + item.translation()));
        notes.addAll(grounding.notes(course.targetLanguage(), items.stream().map(ItemView::text).toList(), 6));
        try {
            Tasks.Text text = tasks.explain(new Tasks.ExplainInput(exercise.type(), exercise.prompt(),
                    course.targetLanguage(), course.sourceLanguage(), answer, exercise.accepted(),
                    exercise.expected(), exercise.verdict(), notes.stream().filter(Objects::nonNull).distinct().toList()),
                    userId);
            return new Explanation(text.text(), text.generator(), text.cached(), remaining);
        } catch (RuntimeException e) {
            if (!unlimited) {
                quotas.giveBack(userId.toString(), Quotas.Kind.EXPLANATIONS, takenAt);
            }
            throw e;
        }
    }
}
