package org.glossa.review.internal;

import org.glossa.fsrs.Rating;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LessonAnswersTests {

    @ParameterizedTest
    @CsvSource({ "wrong,AGAIN", "typo,HARD", "accent,HARD", "correct,GOOD" })
    void verdictsBecomeImplicitRatings(String verdict, Rating rating) {
        assertThat(LessonAnswers.rating(verdict)).isEqualTo(rating);
    }
}
