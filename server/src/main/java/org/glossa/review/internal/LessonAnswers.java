package org.glossa.review.internal;

import java.util.UUID;
import org.glossa.fsrs.Rating;
import org.glossa.practice.ExerciseAnswered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the memory model from lessons. The rating is implicit: a wrong answer is Again, an answer
 * accepted with a typo or a missing accent is Hard, a correct one is Good. (Answers carry no
 * duration yet, so "slow" cannot make an answer Hard.) Each item of the exercise is reviewed once.
 */
@Component
class LessonAnswers {

    private final Memory memory;

    LessonAnswers(Memory memory) {
        this.memory = memory;
    }

    static Rating rating(String verdict) {
        return switch (verdict) {
            case "wrong" -> Rating.AGAIN;
            case "typo", "accent" -> Rating.HARD;
            default -> Rating.GOOD;
        };
    }

    @ApplicationModuleListener
    void on(ExerciseAnswered answered) {
        for (UUID item : answered.itemIds()) {
            // The review id makes a redelivered event count once.
            memory.review(answered.userId(), answered.courseId(), item, rating(answered.verdict()), answered.answeredAt(),
                    null, "exercise:" + answered.sessionId() + ":" + answered.exerciseId() + ":" + item, "lesson");
        }
    }
}
