package org.glossa.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParametersTests {

    private static final double[] DEFAULTS = Parameters.DEFAULT.toArray();

    @Test
    void defaultsAreTheFsrs6Defaults() {
        assertThat(Parameters.of(DEFAULTS)).isEqualTo(Parameters.DEFAULT);
        assertThat(Parameters.DEFAULT.decay()).isEqualTo(0.1542);
        assertThat(Parameters.DEFAULT.toArray()).hasSize(21);
    }

    @Test
    void nineteenValuesGetNoShortTermDecayAndTheFsrs5Decay() {
        double[] w19 = Arrays.copyOf(DEFAULTS, 19);
        double[] w = Parameters.of(w19).toArray();
        assertThat(Arrays.copyOf(w, 19)).containsExactly(w19);
        assertThat(w[19]).isZero();
        assertThat(w[20]).isEqualTo(0.5);
    }

    @Test
    void seventeenValuesAreReparameterised() {
        double[] w17 = {0.4, 0.6, 2.4, 5.8, 4.93, 0.94, 0.86, 0.01, 1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29,
            2.61};
        double[] w = Parameters.of(w17).toArray();
        assertThat(w[4]).isCloseTo(6.81, within(1e-12));
        assertThat(w[5]).isCloseTo(Math.log(3 * 0.94 + 1) / 3, within(1e-12));
        assertThat(w[6]).isCloseTo(1.36, within(1e-12));
        assertThat(Arrays.copyOfRange(w, 17, 21)).containsExactly(0, 0, 0, 0.5);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 18, 20, 22})
    void otherCountsAreRejectedNamingTheCount(int count) {
        assertThatIllegalArgumentException().isThrownBy(() -> Parameters.of(new double[count]))
            .withMessageContaining("got " + count);
    }

    @ParameterizedTest
    @CsvSource({"0, NaN", "7, Infinity", "20, -Infinity"})
    void nonFiniteValuesAreRejectedNamingTheWeight(int index, double value) {
        double[] w = DEFAULTS.clone();
        w[index] = value;
        assertThatIllegalArgumentException().isThrownBy(() -> Parameters.of(w))
            .withMessageContaining("w" + index).withMessageContaining(String.valueOf(value));
    }

    /** Every weight clips to its own bounds: index, value below, lower bound, value above, upper bound. */
    @ParameterizedTest
    @CsvSource({
        "0, -1, 0.001, 200, 100", "1, 0, 0.001, 101, 100", "2, -5, 0.001, 1000, 100", "3, 0, 0.001, 1e9, 100",
        "4, 0, 1, 11, 10", "5, 0, 0.001, 5, 4", "6, -1, 0.001, 4.5, 4", "7, 0, 0.001, 0.9, 0.75",
        "8, -0.1, 0, 5, 4.5", "9, -1, 0, 1, 0.8", "10, 0, 0.001, 4, 3.5", "11, 0, 0.001, 6, 5",
        "12, 0, 0.001, 0.3, 0.25", "13, 0, 0.001, 1, 0.9", "14, -1, 0, 5, 4", "15, -1, 0, 2, 1",
        "16, 0.5, 1, 7, 6", "17, -1, 0, 3, 2", "18, -1, 0, 3, 2", "19, -1, 0, 1, 0.8", "20, 0, 0.1, 1, 0.8",
    })
    void eachWeightIsClippedToItsRange(int index, double below, double lower, double above, double upper) {
        double[] low = DEFAULTS.clone();
        low[index] = below;
        double[] high = DEFAULTS.clone();
        high[index] = above;
        assertThat(Parameters.of(low).get(index)).isEqualTo(lower);
        assertThat(Parameters.of(high).get(index)).isEqualTo(upper);
    }

    @Test
    void shortTermRaisesTheFloorOfW19() {
        double[] w = DEFAULTS.clone();
        w[19] = 0;
        assertThat(Parameters.clip(w, 1, false)[19]).isZero();
        assertThat(Parameters.clip(w, 1, true)[19]).isEqualTo(0.01);
    }

    @Test
    void manyRelearningStepsLowerTheSameDayCeiling() {
        double[] w = DEFAULTS.clone();
        w[11] = 0.1;
        w[13] = 0.1;
        w[14] = 0.5;
        w[17] = 2;
        w[18] = 2;
        double expected = Math.sqrt(-(Math.log(0.1) + Math.log(Math.pow(2, 0.1) - 1) + 0.15) / 4);
        double[] clipped = Parameters.clip(w, 4, true);
        assertThat(clipped[17]).isCloseTo(expected, within(1e-12)).isCloseTo(1.0939395, within(1e-5));
        assertThat(clipped[18]).isEqualTo(clipped[17]);
        assertThat(Parameters.clip(w, 1, true)[17]).as("one step keeps the ceiling 2").isEqualTo(2);
    }

    @Test
    void clippingRejectsBadInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> Parameters.clip(new double[19], 1, true))
            .withMessageContaining("19");
        assertThatIllegalArgumentException().isThrownBy(() -> Parameters.clip(DEFAULTS, -1, true))
            .withMessageContaining("-1");
        assertThatIllegalArgumentException().isThrownBy(() -> Parameters.DEFAULT.get(21))
            .withMessageContaining("21");
    }

    @Test
    void valuesAreCopiedInAndOut() {
        double[] w = DEFAULTS.clone();
        Parameters p = Parameters.of(w);
        w[0] = 50;
        p.toArray()[1] = 50;
        assertThat(p).isEqualTo(Parameters.DEFAULT).hasSameHashCodeAs(Parameters.DEFAULT);
        assertThat(p.with(0, 50).get(0)).isEqualTo(50);
        assertThat(p.get(0)).isEqualTo(0.212);
    }
}
