package org.glossa.review.internal;

import java.util.UUID;
import org.glossa.fsrs.Rating;
import org.glossa.fsrs.Scheduler;
import org.glossa.practice.ExerciseAnswered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the memory model from lessons. The rating is implicit: a wrong answer is Again; an answer
 * accepted with a typo or a missing accent, or a correct one that took longer than
 * {@link #SLOW_ANSWER} (when the client reports the duration), is Hard; a correct one is Good. Each
 * item of the exercise is reviewed once.
 */
@Component
class LessonAnswers {

    private final Memory memory;

    LessonAnswers(Memory memory) {
        this.memory = memory;
    }

    /** Longer than this, a right answer was hard to find. */
    static final int SLOW_ANSWER = 20_000;

    static Rating rating(String verdict, Integer durationMs) {
        return switch (verdict) {
            case "wrong" -> Rating.AGAIN;
            case "typo", "accent" -> Rating.HARD;
            default -> durationMs != null && durationMs > SLOW_ANSWER ? Rating.HARD : Rating.GOOD;
        };
    }

    @ApplicationModuleListener
    void on(ExerciseAnswered answered) {
        Scheduler scheduler = memory.scheduler(answered.userId());
        for (UUID item : answered.itemIds()) {
            // The review id makes a redelivered event count once.
            memory.review(scheduler, answered.userId(), answered.courseId(), item, rating(answered.verdict(), answered.durationMs()),
                    answered.answeredAt(), answered.durationMs(), "exercise:" + answered.sessionId() + ":" + answered.exerciseId() + ":" + item, "lesson");
        }
    }
}
