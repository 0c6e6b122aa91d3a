package org.glossa.review.internal;

import org.glossa.fsrs.Rating;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LessonAnswersTests {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = { "wrong,null,AGAIN", "wrong,60000,AGAIN", "typo,null,HARD", "accent,1000,HARD",
            "correct,null,GOOD", "correct,20000,GOOD", "correct,20001,HARD" })
    void verdictsAndSlownessBecomeImplicitRatings(String verdict, Integer durationMs, Rating rating) {
        assertThat(LessonAnswers.rating(verdict, durationMs)).isEqualTo(rating);
    }
}
