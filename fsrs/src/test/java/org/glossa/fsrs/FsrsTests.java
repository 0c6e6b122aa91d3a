package org.glossa.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FsrsTests {

    private final Fsrs model = new Fsrs(Parameters.DEFAULT);

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.1542, 0.2, 0.5, 0.8})
    void stabilityIsTheDaysUntilNinetyPercentForEveryDecay(double decay) {
        Fsrs m = new Fsrs(Parameters.DEFAULT.with(20, decay));
        for (double s : new double[] {0.01, 1, 7.5, 365, 36500}) {
            assertThat(m.retrievability(s, s)).isCloseTo(0.9, within(1e-12));
            assertThat(m.retrievability(0, s)).isEqualTo(1);
            assertThat(m.interval(s, 0.9)).isCloseTo(s, within(1e-9 * s));
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 0.7", "10, 0.8", "100, 0.95", "3, 0.99"})
    void intervalIsTheInverseOfTheForgettingCurve(double stability, double retention) {
        double days = model.interval(stability, retention);
        assertThat(model.retrievability(days, stability)).isCloseTo(retention, within(1e-12));
    }

    @Test
    void retrievabilityFallsWithTimeAndRisesWithStability() {
        assertThat(model.retrievability(10, 5)).isLessThan(model.retrievability(5, 5));
        assertThat(model.retrievability(10, 50)).isGreaterThan(model.retrievability(10, 5));
    }

    @ParameterizedTest
    @EnumSource(Rating.class)
    void theFirstReviewInitialisesFromTheRating(Rating rating) {
        MemoryState s = model.next(null, 3, rating);
        assertThat(s.stability()).isEqualTo(Parameters.DEFAULT.get(rating.grade() - 1));
        assertThat(s.difficulty()).isBetween(1.0, 10.0)
            .isEqualTo(Math.clamp(6.4133 - Math.exp(0.8334 * (rating.grade() - 1)) + 1, 1.0, 10.0));
    }

    @Test
    void difficultyStaysWithinOneAndTen() {
        MemoryState easy = model.initialState(Rating.EASY);
        MemoryState hard = model.initialState(Rating.AGAIN);
        for (int i = 0; i < 50; i++) {
            easy = model.next(easy, 1, Rating.EASY);
            hard = model.next(hard, 1, Rating.AGAIN);
        }
        assertThat(easy.difficulty()).isEqualTo(1);
        assertThat(hard.difficulty()).isLessThanOrEqualTo(10).isGreaterThan(9);
        assertThat(model.nextDifficulty(10, Rating.AGAIN)).isLessThanOrEqualTo(10);
    }

    @Test
    void goodRaisesDifficultyTowardsEasyOnlyByMeanReversion() {
        double d = 5;
        assertThat(model.nextDifficulty(d, Rating.GOOD)).isLessThan(d).isGreaterThan(d - 0.01);
        assertThat(model.nextDifficulty(d, Rating.AGAIN)).isGreaterThan(model.nextDifficulty(d, Rating.HARD));
        assertThat(model.nextDifficulty(d, Rating.HARD)).isGreaterThan(model.nextDifficulty(d, Rating.GOOD));
        assertThat(model.nextDifficulty(d, Rating.GOOD)).isGreaterThan(model.nextDifficulty(d, Rating.EASY));
    }

    @Test
    void aLapseNeverLeavesTheMemoryMoreStableThanTheShortTermCeiling() {
        double ceilingFactor = Math.exp(0.5425 * 0.0912);
        for (double s : new double[] {0.5, 2, 20, 200, 2000}) {
            MemoryState after = model.next(new MemoryState(s, 5), 30, Rating.AGAIN);
            assertThat(after.stability()).isLessThanOrEqualTo(s / ceilingFactor + 1e-12);
        }
    }

    @Test
    void recallOnTimeMakesTheMemoryMoreStableInRatingOrder() {
        MemoryState s = new MemoryState(10, 5);
        double hard = model.next(s, 10, Rating.HARD).stability();
        double good = model.next(s, 10, Rating.GOOD).stability();
        double easy = model.next(s, 10, Rating.EASY).stability();
        assertThat(hard).isGreaterThan(10).isLessThan(good);
        assertThat(easy).isGreaterThan(good);
    }

    @Test
    void sameDayReviewsUseTheShortTermFormula() {
        MemoryState s = new MemoryState(0.5, 5);
        assertThat(model.next(s, 0, Rating.AGAIN).stability()).isLessThan(0.5);
        for (Rating g : List.of(Rating.HARD, Rating.GOOD, Rating.EASY)) {
            assertThat(model.next(s, 0, g).stability()).as(g.name()).isGreaterThanOrEqualTo(0.5);
        }
        assertThat(model.next(s, 0, Rating.GOOD).stability()).isEqualTo(model.stabilityShortTerm(0.5, Rating.GOOD));
    }

    @Test
    void withoutShortTermSameDaySuccessKeepsStabilityAndALapseCannotRaiseIt() {
        Fsrs longTerm = new Fsrs(Parameters.DEFAULT, false);
        MemoryState s = new MemoryState(4, 5);
        assertThat(longTerm.next(s, 0, Rating.GOOD).stability()).isEqualTo(4);
        assertThat(longTerm.next(s, 0, Rating.EASY).stability()).isEqualTo(4);
        assertThat(longTerm.next(s, 0, Rating.AGAIN).stability()).isLessThanOrEqualTo(4);
        assertThat(longTerm.next(new MemoryState(0.01, 5), 0, Rating.AGAIN).stability()).isLessThanOrEqualTo(0.01);
    }

    @Test
    void stabilityIsClampedToItsRange() {
        MemoryState huge = model.next(new MemoryState(36500, 1), 36500, Rating.EASY);
        assertThat(huge.stability()).isEqualTo(Fsrs.S_MAX);
        MemoryState tiny = model.next(new MemoryState(0.0001, 10), 0, Rating.AGAIN);
        assertThat(tiny.stability()).isEqualTo(Fsrs.S_MIN);
        MemoryState outOfRange = model.next(new MemoryState(5, 42), 3, Rating.GOOD);
        assertThat(outOfRange.difficulty()).isLessThanOrEqualTo(10);
    }

    @Test
    void aHistoryIsFoldedReviewByReview() {
        List<Fsrs.Review> history = List.of(new Fsrs.Review(Rating.AGAIN, 0), new Fsrs.Review(Rating.GOOD, 0),
            new Fsrs.Review(Rating.GOOD, 1), new Fsrs.Review(Rating.GOOD, 3), new Fsrs.Review(Rating.GOOD, 8),
            new Fsrs.Review(Rating.GOOD, 21));
        MemoryState state = model.memoryState(history);
        assertThat(state.stability()).isCloseTo(53.62691, within(1e-4));
        assertThat(state.difficulty()).isCloseTo(6.3574867, within(1e-5));
    }

    @Test
    void tsCompatibleModelRoundsToEightDecimalsAndFloorsInitialStability() {
        Fsrs ts = Fsrs.tsFsrsCompatible(Parameters.DEFAULT.with(0, 0.05), true);
        assertThat(ts.initialStability(Rating.AGAIN)).isEqualTo(0.1);
        assertThat(new Fsrs(Parameters.DEFAULT.with(0, 0.05)).initialStability(Rating.AGAIN)).isEqualTo(0.05);
        double r = ts.retrievability(3, 1);
        assertThat(r * 1e8).isCloseTo(Math.rint(r * 1e8), within(1e-6));
        assertThat(r).isCloseTo(model.retrievability(3, 1), within(5e-9));
    }

    @Test
    void badInputIsRejectedNamingTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> model.next(null, -1, Rating.GOOD))
            .withMessageContaining("-1");
        assertThatIllegalArgumentException().isThrownBy(() -> model.next(null, 0, null))
            .withMessageContaining("rating");
        assertThatIllegalArgumentException().isThrownBy(() -> model.retrievability(-0.5, 3))
            .withMessageContaining("-0.5");
        assertThatIllegalArgumentException().isThrownBy(() -> model.interval(3, 1.5)).withMessageContaining("1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> model.interval(3, 0)).withMessageContaining("0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryState(0, 5)).withMessageContaining("0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryState(Double.NaN, 5))
            .withMessageContaining("NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryState(3, Double.POSITIVE_INFINITY))
            .withMessageContaining("Infinity");
        assertThatIllegalArgumentException().isThrownBy(() -> model.memoryState(Collections.emptyList()))
            .withMessageContaining("at least one review");
        assertThatIllegalArgumentException().isThrownBy(() -> model.fromSm2(2.5, 10, 1))
            .withMessageContaining("1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Rating.of(5)).withMessageContaining("5");
        assertThatIllegalArgumentException().isThrownBy(() -> Rating.of(0)).withMessageContaining("0");
        assertThatIllegalArgumentException().isThrownBy(() -> Fsrs.retrievability(1, 1, 0))
            .withMessageContaining("0.0");
    }
}
