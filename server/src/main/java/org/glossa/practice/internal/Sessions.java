package org.glossa.practice.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.glossa.answers.AnswerChecker;
import org.glossa.answers.Check;
import org.glossa.answers.Verdict;
import org.glossa.content.CourseOutline;
import org.glossa.content.Courses;
import org.glossa.content.ItemView;
import org.glossa.content.LessonView;
import org.glossa.practice.ExerciseAnswered;
import org.glossa.practice.LessonCompleted;
import org.glossa.practice.ReviewItemSource;
import org.glossa.practice.SessionAdmission;
import org.glossa.practice.SessionKind;
import org.glossa.practice.SessionXp;
import org.glossa.shared.ApiProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Lesson, practice and mistakes sessions: start (exercises generated from a stored seed), answer
 * (checked tolerantly, idempotent by answer id), complete (idempotent, XP by the documented rules).
 * Each session's row is locked while it is answered or completed, so concurrent requests count once.
 */
@Service
public class Sessions {

    private static final TypeReference<List<Exercise>> EXERCISES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Courses courses;
    private final AnswerCheckers checkers;
    private final Enrollments enrollments;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final PracticeSettings settings;
    private final List<ReviewItemSource> reviewSources;
    private final List<SessionAdmission> admissions;
    private final SessionXp sessionXp;
    private final Clock clock;

    Sessions(JdbcClient jdbc, Courses courses, AnswerCheckers checkers, Enrollments enrollments,
            JsonMapper json, ApplicationEventPublisher events, PracticeSettings settings,
            List<ReviewItemSource> reviewSources, List<SessionAdmission> admissions, SessionXp sessionXp, Clock clock) {
        this.reviewSources = reviewSources;
        this.admissions = admissions;
        this.sessionXp = sessionXp;
        this.jdbc = jdbc;
        this.courses = courses;
        this.checkers = checkers;
        this.enrollments = enrollments;
        this.json = json;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public record Started(UUID sessionId, SessionKind kind, UUID courseId, UUID lessonId, List<Exercise.View> exercises) {
    }

    public record Reply(String verdict, boolean correct, String expected, String note) {
    }

    public record Result(int xpEarned, int correct, int total, double accuracy, long durationSeconds, int newItems) {
    }

    @Transactional
    public Started startLesson(UUID userId, UUID lessonId) {
        LessonView lesson = courses.lesson(lessonId).orElseThrow(() -> ApiProblem.notFound("The lesson"));
        CourseOutline outline = courses.outline(lesson.courseId()).filter(o -> o.course().published())
                .orElseThrow(() -> ApiProblem.notFound("The course"));
        PathProgress progress = progress(userId, outline);
        if (progress.skills().get(lesson.skillId()).lock() == PathProgress.Lock.LOCKED) {
            throw ApiProblem.forbidden("This skill is locked: complete the skill before it first.");
        }
        if (lesson.items().isEmpty()) {
            throw ApiProblem.conflict("This lesson has nothing to learn yet.");
        }
        admissions.forEach(admission -> admission.admit(userId, SessionKind.LESSON));
        enrollments.enroll(userId, lesson.courseId());
        return start(userId, outline, SessionKind.LESSON, lesson.skillId(), lessonId, lesson.items(), true,
                courses.items(lesson.courseId()));
    }

    @Transactional
    public Started startPractice(UUID userId, UUID courseId, SessionKind kind) {
        CourseOutline outline = courses.outline(courseId).filter(o -> o.course().published())
                .orElseThrow(() -> ApiProblem.notFound("The course"));
        Map<UUID, ItemView> items = new LinkedHashMap<>();
        courses.items(courseId).forEach(item -> items.put(item.id(), item));
        List<ItemView> chosen;
        if (kind == SessionKind.REVIEW) {
            chosen = reviewSources.stream().flatMap(source -> source.dueItems(userId, courseId, settings.practiceItems())
                    .stream()).map(items::get).filter(Objects::nonNull).distinct().limit(settings.practiceItems()).toList();
            if (chosen.isEmpty()) {
                throw ApiProblem.conflict("Nothing is due for review in this course right now.");
            }
        } else if (kind == SessionKind.MISTAKES) {
            chosen = recentMistakes(userId).stream().map(items::get).filter(Objects::nonNull)
                    .limit(settings.practiceItems()).toList();
            if (chosen.isEmpty()) {
                throw ApiProblem.conflict("There are no recent mistakes to practise in this course.");
            }
        } else {
            PathProgress progress = progress(userId, outline);
            List<UUID> weakestFirst = progress.skills().entrySet().stream()
                    .filter(e -> e.getValue().level() > 0)
                    .sorted(Comparator.comparingInt((Map.Entry<UUID, PathProgress.SkillState> e) -> e.getValue().level()))
                    .map(Map.Entry::getKey).toList();
            if (weakestFirst.isEmpty()) {
                throw ApiProblem.conflict("Complete a skill first: practice mixes the skills you have completed.");
            }
            List<ItemView> pool = new ArrayList<>();
            for (UUID skill : weakestFirst) {
                List<ItemView> ofSkill = new ArrayList<>(items.values().stream().filter(i -> i.skillId().equals(skill)).toList());
                java.util.Collections.shuffle(ofSkill);
                pool.addAll(ofSkill);
            }
            chosen = pool.stream().limit(settings.practiceItems()).toList();
        }
        admissions.forEach(admission -> admission.admit(userId, kind));
        enrollments.enroll(userId, courseId);
        return start(userId, outline, kind, null, null, chosen, false, List.copyOf(items.values()));
    }

    private Started start(UUID userId, CourseOutline outline, SessionKind kind, UUID skillId, UUID lessonId,
            List<ItemView> items, boolean introduce, List<ItemView> courseItems) {
        UUID courseId = outline.course().id();
        long seed = ThreadLocalRandom.current().nextLong();
        ExerciseGenerator generator = new ExerciseGenerator(outline.course().targetLanguage(),
                outline.course().sourceLanguage(), courseItems);
        List<Exercise> exercises = generator.generate(items, introduce, seed);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into practice_session (id, user_id, course_id, lesson_id, skill_id, kind, seed, status, exercises,
                    started_at, last_activity_at)
                values (:id, :user, :course, :lesson, :skill, :kind, :seed, 'OPEN', :exercises, :now, :now)
                """).param("id", id).param("user", userId).param("course", courseId).param("lesson", lessonId)
                .param("skill", skillId).param("kind", kind.name()).param("seed", seed)
                .param("exercises", json.writeValueAsString(exercises)).param("now", now).update();
        return new Started(id, kind, courseId, lessonId, exercises.stream().map(Exercise::view).toList());
    }

    @Transactional(noRollbackFor = ApiProblem.class)
    public Reply answer(UUID userId, UUID sessionId, String exerciseId, JsonNode answer, String answerId,
            Integer durationMs) {
        SessionRow session = lockOpen(userId, sessionId);
        Optional<String> earlier = jdbc.sql("select reply from practice_answer where session_id = :s and answer_id = :a")
                .param("s", sessionId).param("a", answerId).query(String.class).optional();
        if (earlier.isPresent()) {
            return json.readValue(earlier.get(), Reply.class);
        }
        if (session.status().equals("COMPLETED")) {
            throw ApiProblem.conflict("This session is already completed.");
        }
        Exercise exercise = session.exercises().stream().filter(e -> e.id().equals(exerciseId)).findFirst()
                .orElseThrow(() -> ApiProblem.conflict("There is no exercise '" + exerciseId + "' in this session."));
        if (jdbc.sql("select count(*) from practice_answer where session_id = :s and exercise_id = :e")
                .param("s", sessionId).param("e", exerciseId).query(Long.class).single() > 0) {
            throw ApiProblem.conflict("Exercise '" + exerciseId + "' is already answered.");
        }
        Reply reply = check(session, exercise, answer);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into practice_answer (id, session_id, user_id, exercise_id, answer_id, item_ids, verdict, reply, answered_at)
                values (:id, :session, :user, :exercise, :answerId, :items, :verdict, :reply, :now)
                """).param("id", UUID.randomUUID()).param("session", sessionId).param("user", userId)
                .param("exercise", exerciseId).param("answerId", answerId)
                .param("items", exercise.itemIds().stream().map(UUID::toString).collect(Collectors.joining(",")))
                .param("verdict", reply.verdict()).param("reply", json.writeValueAsString(reply))
                .param("now", utc(now)).update();
        touch(sessionId);
        events.publishEvent(new ExerciseAnswered(userId, sessionId, session.courseId(), exerciseId, exercise.type(),
                exercise.itemIds(), reply.verdict(), reply.correct(), durationMs, now, session.kind()));
        return reply;
    }

    private Reply check(SessionRow session, Exercise exercise, JsonNode answer) {
        switch (exercise.type()) {
            case "choose" -> {
                String chosen = answer != null && answer.isString() ? answer.asString() : "";
                String expected = exercise.options().stream().filter(o -> o.id().equals(exercise.correctOption()))
                        .map(Exercise.Option::text).findFirst().orElse("");
                boolean right = chosen.equals(exercise.correctOption())
                        || Objects.equals(chosen.strip(), expected);
                return new Reply(right ? "correct" : "wrong", right, expected, null);
            }
            case "match" -> {
                Set<String> given = new LinkedHashSet<>();
                if (answer != null && answer.isArray()) {
                    for (JsonNode pair : answer) {
                        String left = pair.isArray() && pair.size() == 2 ? pair.get(0).asString() : pair.path("left").asString("");
                        String right = pair.isArray() && pair.size() == 2 ? pair.get(1).asString() : pair.path("right").asString("");
                        given.add(left + "\u0000" + right);
                    }
                }
                Set<String> solution = exercise.solution().stream().map(p -> p.left() + "\u0000" + p.right())
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                boolean right = given.equals(solution);
                String expected = exercise.solution().stream().map(p -> p.left() + " = " + p.right())
                        .collect(Collectors.joining(", "));
                return new Reply(right ? "correct" : "wrong", right, expected, null);
            }
            default -> {
                String typed;
                if (answer != null && answer.isArray()) {
                    List<String> tiles = new ArrayList<>();
                    answer.forEach(tile -> tiles.add(tile.asString("")));
                    typed = String.join(" ", tiles);
                } else {
                    typed = answer != null && answer.isString() ? answer.asString() : "";
                }
                boolean intoTarget = exercise.answerLanguage().equals(session.outlineTarget());
                AnswerChecker checker = checkers.forCourse(session.courseId(), session.courseVersion(),
                        exercise.answerLanguage(), intoTarget, () -> courses.items(session.courseId()));
                Check check = checker.check(typed, exercise.accepted());
                return new Reply(check.verdict().name().toLowerCase(), check.accepted(), check.expected(), check.note());
            }
        }
    }

    @Transactional(noRollbackFor = ApiProblem.class)
    public Result complete(UUID userId, UUID sessionId) {
        SessionRow session = lockOpen(userId, sessionId);
        if (session.status().equals("COMPLETED")) {
            return json.readValue(session.result(), Result.class);
        }
        Map<String, String> verdicts = new HashMap<>();
        jdbc.sql("select exercise_id, verdict from practice_answer where session_id = :s").param("s", sessionId)
                .query((rs, n) -> verdicts.put(rs.getString(1), rs.getString(2))).list();
        int total = session.exercises().size();
        if (verdicts.size() < total) {
            throw ApiProblem.conflict((total - verdicts.size()) + " of " + total + " exercises are not answered yet.");
        }
        int correct = (int) verdicts.values().stream().filter(v -> !v.equals(Verdict.WRONG.name().toLowerCase())).count();
        boolean perfect = correct == total;
        Instant now = clock.instant();
        int xp = xpFor(userId, session.kind(), perfect, now);
        int newItems = markSeen(userId, session.exercises(), now);
        if (session.kind() == SessionKind.LESSON) {
            recordLesson(userId, session.lessonId(), session.skillId());
        }
        long duration = Duration.between(session.startedAt(), now).toSeconds();
        Result result = new Result(xp, correct, total, Math.round(1000.0 * correct / total) / 1000.0,
                Math.max(0, duration), newItems);
        jdbc.sql("""
                update practice_session set status = 'COMPLETED', completed_at = :now, last_activity_at = :now,
                    result = :result
                where id = :id
                """).param("now", utc(now))
                .param("result", json.writeValueAsString(result)).param("id", sessionId).update();
        events.publishEvent(new LessonCompleted(userId, sessionId, session.courseId(), session.skillId(),
                session.lessonId(), session.kind(), xp, correct, total, perfect, now));
        return result;
    }

    /** The XP rule is gamification's; practice counts the learner's earlier non-lesson sessions of the day. */
    private int xpFor(UUID userId, SessionKind kind, boolean perfect, Instant now) {
        if (kind == SessionKind.LESSON) {
            return sessionXp.xpFor(kind, perfect, 0);
        }
        Instant dayStart = sessionXp.dayStart(userId, now);
        long earlier = jdbc.sql("""
                select count(*) from practice_session
                where user_id = :user and kind <> 'LESSON' and status = 'COMPLETED' and completed_at >= :dayStart
                """).param("user", userId).param("dayStart", utc(dayStart))
                .query(Long.class).single();
        return sessionXp.xpFor(kind, perfect, (int) earlier);
    }

    private int markSeen(UUID userId, List<Exercise> exercises, Instant now) {
        // In one global order, so that concurrent completions of one learner's sessions cannot deadlock on these rows.
        Set<UUID> items = new java.util.TreeSet<>();
        exercises.forEach(e -> items.addAll(e.itemIds()));
        int added = 0;
        for (UUID item : items) {
            added += jdbc.sql("""
                    insert into practice_item_seen (user_id, item_id, first_seen_at) values (:user, :item, :now)
                    on conflict do nothing
                    """).param("user", userId).param("item", item)
                    .param("now", utc(now)).update();
        }
        return added;
    }

    private void recordLesson(UUID userId, UUID lessonId, UUID skillId) {
        int inserted = jdbc.sql("""
                insert into practice_lesson_done (user_id, lesson_id, skill_id, times) values (:user, :lesson, :skill, 1)
                on conflict do nothing
                """).param("user", userId).param("lesson", lessonId).param("skill", skillId).update();
        if (inserted == 0) {
            jdbc.sql("update practice_lesson_done set times = times + 1 where user_id = :user and lesson_id = :lesson")
                    .param("user", userId).param("lesson", lessonId).update();
        }
    }

    PathProgress progress(UUID userId, CourseOutline outline) {
        Map<UUID, Integer> times = new HashMap<>();
        jdbc.sql("select lesson_id, times from practice_lesson_done where user_id = :user").param("user", userId)
                .query((rs, n) -> times.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return PathProgress.of(outline, times);
    }

    private List<UUID> recentMistakes(UUID userId) {
        Instant since = clock.instant().minus(Duration.ofDays(30));
        List<String> rows = jdbc.sql("""
                select item_ids from practice_answer where user_id = :user and verdict = 'wrong' and answered_at >= :since
                order by answered_at desc
                """).param("user", userId).param("since", utc(since))
                .query(String.class).list();
        Set<UUID> items = new LinkedHashSet<>();
        rows.forEach(row -> java.util.Arrays.stream(row.split(",")).filter(s -> !s.isBlank()).map(UUID::fromString)
                .forEach(items::add));
        return new ArrayList<>(items);
    }

    private record SessionRow(UUID id, UUID userId, UUID courseId, UUID lessonId, UUID skillId, SessionKind kind,
            String status, List<Exercise> exercises, Instant startedAt, Instant lastActivityAt, String result,
            String outlineTarget, int courseVersion) {
    }

    /** Loads and locks the caller's session; an idle open session expires here (410). */
    private SessionRow lockOpen(UUID userId, UUID sessionId) {
        // Lock the session's own row first: concurrent answers and completions of one session queue here.
        jdbc.sql("select id from practice_session where id = :id for update").param("id", sessionId)
                .query(UUID.class).optional();
        SessionRow session = jdbc.sql("""
                select s.id, s.user_id, s.course_id, s.lesson_id, s.skill_id, s.kind, s.status, s.exercises, s.started_at,
                    s.last_activity_at, s.result, c.target_language, c.version
                from practice_session s join content_course c on c.id = s.course_id
                where s.id = :id
                """).param("id", sessionId)
                .query((rs, n) -> new SessionRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getObject("course_id", UUID.class), rs.getObject("lesson_id", UUID.class),
                        rs.getObject("skill_id", UUID.class), SessionKind.valueOf(rs.getString("kind")),
                        rs.getString("status"), json.readValue(rs.getString("exercises"), EXERCISES),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_activity_at", OffsetDateTime.class).toInstant(), rs.getString("result"),
                        rs.getString("target_language"), rs.getInt("version")))
                .optional()
                .filter(s -> s.userId().equals(userId))
                .orElseThrow(() -> ApiProblem.notFound("The session"));
        if (session.status().equals("EXPIRED")) {
            throw ApiProblem.gone("This session has expired; start a new one.");
        }
        if (session.status().equals("OPEN")
                && session.lastActivityAt().plus(settings.sessionIdleTimeout()).isBefore(clock.instant())) {
            jdbc.sql("update practice_session set status = 'EXPIRED' where id = :id").param("id", sessionId).update();
            throw ApiProblem.gone("This session was idle for more than " + settings.sessionIdleTimeout().toMinutes()
                    + " minutes and has expired; start a new one.");
        }
        return session;
    }

    private void touch(UUID sessionId) {
        jdbc.sql("update practice_session set last_activity_at = :now where id = :id").param("now", now())
                .param("id", sessionId).update();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
