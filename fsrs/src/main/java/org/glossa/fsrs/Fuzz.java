package org.glossa.fsrs;

/**
 * Interval fuzz as in ts-fsrs 5.4 ({@code get_fuzz_range}, {@code apply_fuzz}): spreads cards that would otherwise
 * fall due together over a few neighbouring days. The spread grows with the interval: ±(1 + 15% of the part between
 * 2.5 and 7 days + 10% of the part between 7 and 20 + 5% of the rest).
 */
final class Fuzz {

    private Fuzz() {
    }

    /** The fuzzed interval for a rounded interval, with {@code u} uniform in [0, 1). */
    static int apply(int interval, long elapsedDays, int maximumInterval, double u) {
        if (interval < 2.5) {
            return interval;
        }
        int[] range = range(interval, elapsedDays, maximumInterval);
        return (int) Math.floor(u * (range[1] - range[0] + 1) + range[0]);
    }

    /**
     * The default fuzz factor in [0, 1) for a review: SplitMix64's finalizer over ts-fsrs's seed inputs (the review time
     * in epoch milliseconds, the card's repetitions after the review, D·S before it). Two rounds, so that reviews a
     * millisecond or one repetition apart land on unrelated days.
     */
    static double seeded(long epochMillis, int reps, double difficultyTimesStability) {
        long z = mix(epochMillis + 0x9E3779B97F4A7C15L * reps);
        z = mix(z ^ Double.doubleToLongBits(difficultyTimesStability + 0.0)); // + 0.0 makes -0.0 seed as 0.0
        return (z >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {min, max} of the fuzzed interval; never before the day after the elapsed days, when the card is on time. */
    static int[] range(double interval, long elapsedDays, int maximumInterval) {
        double delta = 1
            + 0.15 * Math.max(Math.min(interval, 7) - 2.5, 0)
            + 0.10 * Math.max(Math.min(interval, 20) - 7, 0)
            + 0.05 * Math.max(interval - 20, 0);
        double capped = Math.min(interval, maximumInterval);
        long min = Math.max(2, Math.round(capped - delta));
        long max = Math.min(Math.round(capped + delta), maximumInterval);
        if (capped > elapsedDays) {
            min = Math.max(min, elapsedDays + 1);
        }
        min = Math.min(min, max);
        return new int[] {(int) min, (int) max};
    }
}
