package org.glossa.fsrs;

import java.util.Arrays;

/**
 * The 21 weights w0..w20 of FSRS-6, immutable.
 *
 * <p>{@link #of(double...)} accepts the three generations found in the wild: 21 values (FSRS-6), 19 values (FSRS-5,
 * which lacks w19 and the trainable decay w20) and 17 values (FSRS-4.5), migrates the older ones as fsrs-rs does, and
 * clips every weight into the range fsrs-rs allows. Clipping is not an error: optimizers produce values at the bounds
 * and older tools store slightly out-of-range ones. Values no formula can use (NaN, infinities, a wrong count) are.
 *
 * <pre>
 * index  meaning                                   range
 * 0..3   initial stability for Again..Easy        [0.001, 100]
 * 4, 5   initial difficulty                        [1, 10], [0.001, 4]
 * 6, 7   difficulty step, mean reversion           [0.001, 4], [0.001, 0.75]
 * 8..10  stability after recall                    [0, 4.5], [0, 0.8], [0.001, 3.5]
 * 11..14 stability after forgetting                [0.001, 5], [0.001, 0.25], [0.001, 0.9], [0, 4]
 * 15, 16 hard penalty, easy bonus                  [0, 1], [1, 6]
 * 17..19 same-day (short-term) stability           [0, c], [0, c], [0 or 0.01, 0.8]
 * 20     decay of the forgetting curve             [0.1, 0.8]
 * </pre>
 */
public final class Parameters {

    /** Number of FSRS-6 weights. */
    public static final int COUNT = 21;

    private static final double[] DEFAULT_VALUES = {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
    };

    /** fsrs-rs {@code DEFAULT_PARAMETERS} (identical in py-fsrs, ts-fsrs, go-fsrs and the srs-benchmark). */
    public static final Parameters DEFAULT = new Parameters(DEFAULT_VALUES.clone());

    /** The decay FSRS-5 used before w20 became trainable; appended when migrating older sets. */
    static final double FSRS5_DECAY = 0.5;

    private static final double[][] BOUNDS = {
        {0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100},
        {1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75},
        {0, 4.5}, {0, 0.8}, {0.001, 3.5},
        {0.001, 5}, {0.001, 0.25}, {0.001, 0.9}, {0, 4},
        {0, 1}, {1, 6},
        {0, 2}, {0, 2}, {0, 0.8},
        {0.1, 0.8},
    };

    private final double[] w;

    private Parameters(double[] w) {
        this.w = w;
    }

    /**
     * Parameters from 21, 19 or 17 values, migrated to FSRS-6 and clipped with the bounds that hold for every
     * scheduler setting (one relearning step; w19 may be 0 as in a migrated FSRS-5 set).
     *
     * @throws IllegalArgumentException for another count or a value that is not finite
     */
    public static Parameters of(double... values) {
        return new Parameters(clip(migrate(values), 1, false));
    }

    /**
     * Migrates older parameter sets to 21 values without clipping, as fsrs-rs {@code check_and_fill_parameters}:
     * 19 values (FSRS-5) get {@code [0.0, 0.5]} appended; 17 values (FSRS-4.5) get the FSRS-5 difficulty
     * re-parameterisation {@code w4 += 2·w5; w5 = ln(3·w5 + 1)/3; w6 += 0.5} and {@code [0, 0, 0, 0.5]}.
     *
     * @throws IllegalArgumentException for another count or a value that is not finite
     */
    public static double[] migrate(double... values) {
        if (values == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("parameter w" + i + " must be finite, was " + values[i]);
            }
        }
        double[] w = Arrays.copyOf(values, COUNT);
        switch (values.length) {
            case 21 -> { }
            case 19 -> w[20] = FSRS5_DECAY;
            case 17 -> {
                w[4] = values[4] + 2 * values[5];
                w[5] = Math.log(3 * values[5] + 1) / 3;
                w[6] = values[6] + 0.5;
                w[20] = FSRS5_DECAY;
            }
            default -> throw new IllegalArgumentException(
                "expected 21 (FSRS-6), 19 (FSRS-5) or 17 (FSRS-4.5) parameters, got " + values.length);
        }
        return w;
    }

    /**
     * Clips 21 weights into fsrs-rs's ranges ({@code parameter_clipper.rs}).
     *
     * <p>With more than one relearning step the same-day weights w17 and w18 get a lower ceiling, so that a lapse
     * followed by several same-day Good answers cannot leave a card more stable than before the lapse:
     * {@code c = min(2, sqrt(max(-(ln w11 + ln(2^w13 - 1) + 0.3·w14) / n, 0.01)))}. w19's floor is 0.01 only when
     * short-term scheduling is on.
     *
     * @param relearningSteps number of relearning steps the scheduler uses
     * @param shortTerm       whether same-day reviews use the short-term formula (raises w19's floor to 0.01)
     */
    public static double[] clip(double[] w, int relearningSteps, boolean shortTerm) {
        if (w == null || w.length != COUNT) {
            throw new IllegalArgumentException(
                "clipping needs " + COUNT + " parameters, got " + (w == null ? "null" : w.length));
        }
        if (relearningSteps < 0) {
            throw new IllegalArgumentException("relearningSteps must not be negative, was " + relearningSteps);
        }
        double ceiling = 2;
        if (relearningSteps > 1) {
            double value = -(Math.log(w[11]) + Math.log(Math.pow(2, w[13]) - 1) + 0.3 * w[14]) / relearningSteps;
            ceiling = Math.min(2, Math.sqrt(Math.max(value, 0.01)));
        }
        double[] clipped = new double[COUNT];
        for (int i = 0; i < COUNT; i++) {
            if (!Double.isFinite(w[i])) {
                throw new IllegalArgumentException("parameter w" + i + " must be finite, was " + w[i]);
            }
            double lo = BOUNDS[i][0];
            double hi = BOUNDS[i][1];
            if (i == 17 || i == 18) {
                hi = ceiling;
            } else if (i == 19 && shortTerm) {
                lo = 0.01;
            }
            clipped[i] = Math.min(Math.max(w[i], lo), hi);
        }
        return clipped;
    }

    /** These parameters clipped for a scheduler with the given relearning steps and short-term setting. */
    public Parameters clipped(int relearningSteps, boolean shortTerm) {
        double[] c = clip(w, relearningSteps, shortTerm);
        return Arrays.equals(c, w) ? this : new Parameters(c);
    }

    /** Weight {@code w<index>}. */
    public double get(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("parameter index must be 0.." + (COUNT - 1) + ", was " + index);
        }
        return w[index];
    }

    /** A copy of the 21 weights. */
    public double[] toArray() {
        return w.clone();
    }

    /** The internal array, for the model's inner loops; never handed out of the package. */
    double[] weights() {
        return w;
    }

    /** The decay w20 of the forgetting curve (a positive number; the curve's exponent is its negative). */
    public double decay() {
        return w[20];
    }

    /** A copy with one weight replaced (then clipped like {@link #of}). */
    public Parameters with(int index, double value) {
        double[] copy = w.clone();
        get(index);
        copy[index] = value;
        return of(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters other && Arrays.equals(w, other.w);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w);
    }

    @Override
    public String toString() {
        return Arrays.toString(w);
    }
}
