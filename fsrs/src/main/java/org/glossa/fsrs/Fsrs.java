package org.glossa.fsrs;

import java.util.List;

/**
 * The FSRS-6 memory model: how stability and difficulty change with each review, and how likely recall is after a
 * given number of days. Pure functions of the {@link Parameters}; immutable and thread-safe.
 *
 * <p>Formulas are those of fsrs-rs 6.6.1 {@code src/model.rs}, computed in double precision (fsrs-rs uses 32-bit
 * floats, ts-fsrs rounds intermediate results to 8 decimals; both agree with this within 1e-4 on the reference
 * vectors). Two documented choices:
 * <ul>
 *   <li>Initial stability is {@code w[G-1]} as in fsrs-rs, which the optimizer fits; ts-fsrs additionally floors it
 *       at 0.1, which only matters for trained sets with w0..w3 below 0.1.</li>
 *   <li>With short-term scheduling off, same-day reviews go through the recall and forgetting formulas with the
 *       retrievability of the curve (1 at zero days), and the forgetting ceiling is the previous stability, as in
 *       ts-fsrs's long-term scheduler. fsrs-rs instead zeroes w17..w19.</li>
 * </ul>
 *
 * <p>{@link #tsFsrsCompatible} gives the variant the {@link Scheduler} uses: ts-fsrs rounds the decay factor, the
 * retrievability, the interval modifier and every new stability and difficulty term to 8 decimals, and floors initial
 * stability at 0.1. The rounding moves stability by up to about 1e-6 relative; reproducing it lets a server and a
 * ts-fsrs client (say, an app reviewing offline) compute the same states from the same events.
 */
public final class Fsrs {

    /** Smallest stability, in days. */
    public static final double S_MIN = 0.001;
    /** Largest stability, in days (100 years). */
    public static final double S_MAX = 36500;
    /** Easiest difficulty. */
    public static final double D_MIN = 1;
    /** Hardest difficulty. */
    public static final double D_MAX = 10;

    private final Parameters parameters;
    private final double[] w;
    private final boolean shortTerm;
    private final boolean tsRounding;
    private final double decay;
    private final double factor;
    private final double easyInitialDifficulty;
    private final double expW8;
    private final double forgetCeilingDivisor;

    /** The model with short-term (same-day) stability on, the FSRS-6 default. */
    public Fsrs(Parameters parameters) {
        this(parameters, true);
    }

    /**
     * @param shortTerm whether reviews on the same day as the previous one use the short-term formula
     */
    public Fsrs(Parameters parameters, boolean shortTerm) {
        this(parameters, shortTerm, false);
    }

    private Fsrs(Parameters parameters, boolean shortTerm, boolean tsRounding) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        this.parameters = parameters;
        this.w = parameters.weights();
        this.shortTerm = shortTerm;
        this.tsRounding = tsRounding;
        this.decay = -w[20];
        this.factor = round8(factor(w[20]));
        // Mean reversion pulls towards the unclamped D0(Easy), which may lie below 1.
        this.easyInitialDifficulty = initialDifficulty(Rating.EASY);
        this.expW8 = Math.exp(w[8]);
        this.forgetCeilingDivisor = shortTerm ? Math.exp(w[17] * w[18]) : 1;
    }

    /** The same model computing as ts-fsrs 5.4 does (8-decimal rounding, initial stability at least 0.1). */
    public static Fsrs tsFsrsCompatible(Parameters parameters, boolean shortTerm) {
        return new Fsrs(parameters, shortTerm, true);
    }

    /** Whether this model reproduces ts-fsrs's rounding. */
    public boolean tsRounding() {
        return tsRounding;
    }

    /** ts-fsrs's {@code +x.toFixed(8)}: half away from zero. */
    private double round8(double x) {
        return tsRounding ? Math.copySign(Math.round(Math.abs(x) * 1e8) / 1e8, x) : x;
    }

    public Parameters parameters() {
        return parameters;
    }

    public boolean shortTerm() {
        return shortTerm;
    }

    private static double factor(double w20) {
        return Math.pow(0.9, 1 / -w20) - 1;
    }

    /**
     * Probability of recall after {@code elapsedDays} for a memory of the given stability:
     * {@code R(t, S) = (1 + factor·t/S)^-w20}, chosen so that {@code R(S, S) = 0.9}.
     */
    public double retrievability(double elapsedDays, double stability) {
        return round8(curve(elapsedDays, clampStability(stability), decay, factor));
    }

    /** The forgetting curve for an explicit decay {@code w20} (fsrs-rs {@code current_retrievability}). */
    public static double retrievability(double elapsedDays, double stability, double w20) {
        if (!(w20 > 0)) {
            throw new IllegalArgumentException("decay w20 must be positive, was " + w20);
        }
        return curve(elapsedDays, clampStability(stability), -w20, factor(w20));
    }

    private static double curve(double t, double s, double decay, double factor) {
        if (!(t >= 0)) {
            throw new IllegalArgumentException("elapsed days must not be negative, was " + t);
        }
        return Math.pow(1 + factor * t / s, decay);
    }

    /**
     * The unrounded interval after which recall probability falls to {@code desiredRetention}:
     * {@code I = S/factor · (r^(1/decay) - 1)}, which equals S at r = 0.9.
     */
    public double interval(double stability, double desiredRetention) {
        if (!(desiredRetention > 0 && desiredRetention <= 1)) {
            throw new IllegalArgumentException("desired retention must be in (0, 1], was " + desiredRetention);
        }
        if (tsRounding) {
            return stability * round8((Math.pow(desiredRetention, 1 / decay) - 1) / factor);
        }
        return stability / factor * (Math.pow(desiredRetention, 1 / decay) - 1);
    }

    /** S0(G) = w[G-1]. */
    public double initialStability(Rating rating) {
        double s = w[rating.grade() - 1];
        return tsRounding ? Math.max(s, 0.1) : s;
    }

    /** D0(G) = w4 - e^(w5·(G-1)) + 1, unclamped (it is clamped when it becomes part of a state). */
    public double initialDifficulty(Rating rating) {
        return round8(w[4] - Math.exp(w[5] * (rating.grade() - 1)) + 1);
    }

    /** The state after the first review of a new card. */
    public MemoryState initialState(Rating rating) {
        return new MemoryState(
            clampStability(initialStability(rating)), clampDifficulty(initialDifficulty(rating)));
    }

    /** Difficulty after linear damping, before mean reversion: {@code D + ΔD·(10-D)/9}, ΔD = -w6·(G-3). */
    double dampedDifficulty(double difficulty, Rating rating) {
        double delta = -w[6] * (rating.grade() - 3);
        return difficulty + round8(delta * (10 - difficulty) / 9);
    }

    /** Difficulty after a review: linear damping, mean reversion towards D0(Easy), clamped to [1, 10]. */
    public double nextDifficulty(double difficulty, Rating rating) {
        double damped = dampedDifficulty(clampDifficulty(difficulty), rating);
        return clampDifficulty(round8(w[7] * easyInitialDifficulty + (1 - w[7]) * damped));
    }

    /**
     * Stability after a successful recall (days elapsed > 0):
     * {@code S·(1 + e^w8·(11-D)·S^-w9·(e^(w10·(1-R)) - 1)·[w15 if Hard]·[w16 if Easy])}. Unclamped.
     */
    public double stabilityAfterRecall(double difficulty, double stability, double retrievability, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? w[15] : 1;
        double easyBonus = rating == Rating.EASY ? w[16] : 1;
        return round8(stability * (1 + expW8 * (11 - difficulty) * Math.pow(stability, -w[9])
            * Math.expm1(w[10] * (1 - retrievability)) * hardPenalty * easyBonus));
    }

    /**
     * Stability after forgetting (Again, days elapsed > 0): the lapse formula, capped so that a lapse never leaves
     * the memory more stable than {@code S / e^(w17·w18)} (or S with short-term scheduling off). Unclamped.
     */
    public double stabilityAfterForgetting(double difficulty, double stability, double retrievability) {
        double ceiling = round8(stability / forgetCeilingDivisor);
        return Math.min(uncappedForgettingStability(difficulty, stability, retrievability), ceiling);
    }

    /** {@code w11·D^-w12·((S+1)^w13 - 1)·e^(w14·(1-R))}, without the ceiling. */
    double uncappedForgettingStability(double difficulty, double stability, double retrievability) {
        return round8(w[11] * Math.pow(difficulty, -w[12]) * (Math.pow(stability + 1, w[13]) - 1)
            * Math.exp(w[14] * (1 - retrievability)));
    }

    /**
     * Stability after a same-day review: {@code S·e^(w17·(G-3+w18))·S^-w19}, never decreasing for a successful
     * answer. Unclamped.
     */
    public double stabilityShortTerm(double stability, Rating rating) {
        double increase = Math.exp(w[17] * (rating.grade() - 3 + w[18])) * Math.pow(stability, -w[19]);
        if (rating != Rating.AGAIN) {
            increase = Math.max(increase, 1);
        }
        return round8(stability * increase);
    }

    /**
     * The memory state after a review.
     *
     * @param previous    the state before the review, or {@code null} for a card seen for the first time
     * @param elapsedDays whole days since the previous review (0 = same day)
     */
    public MemoryState next(MemoryState previous, long elapsedDays, Rating rating) {
        if (rating == null) {
            throw new IllegalArgumentException("rating must not be null");
        }
        if (elapsedDays < 0) {
            throw new IllegalArgumentException("elapsed days must not be negative, was " + elapsedDays);
        }
        if (previous == null) {
            return initialState(rating);
        }
        double s = clampStability(previous.stability());
        double d = clampDifficulty(previous.difficulty());
        return new MemoryState(
            clampStability(nextStability(d, s, elapsedDays, rating)), nextDifficulty(d, rating));
    }

    private double nextStability(double d, double s, long elapsedDays, Rating rating) {
        if (elapsedDays == 0 && shortTerm) {
            return stabilityShortTerm(s, rating);
        }
        double r = round8(curve(elapsedDays, s, decay, factor));
        return rating == Rating.AGAIN ? stabilityAfterForgetting(d, s, r) : stabilityAfterRecall(d, s, r, rating);
    }

    /** One review of a card's history: its rating and the whole days since the review before it. */
    public record Review(Rating rating, long elapsedDays) {
        public Review {
            if (rating == null) {
                throw new IllegalArgumentException("rating must not be null");
            }
            if (elapsedDays < 0) {
                throw new IllegalArgumentException("elapsed days must not be negative, was " + elapsedDays);
            }
        }
    }

    /**
     * The memory state after a card's whole history (fsrs-rs {@code memory_state}); the first review initialises
     * it, whatever its elapsed days.
     *
     * @throws IllegalArgumentException for an empty history
     */
    public MemoryState memoryState(List<Review> history) {
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException("a memory state needs at least one review");
        }
        MemoryState state = null;
        for (Review review : history) {
            state = next(state, review.elapsedDays(), review.rating());
        }
        return state;
    }

    /**
     * Approximates the memory state of a card whose history is incomplete from its SM-2 ease and interval
     * (fsrs-rs {@code memory_state_from_sm2}): the stability at which the SM-2 interval gives {@code sm2Retention},
     * and the difficulty for which a Good answer at that retention would multiply the interval by the ease.
     */
    public MemoryState fromSm2(double easeFactor, double intervalDays, double sm2Retention) {
        if (!(sm2Retention > 0 && sm2Retention < 1)) {
            throw new IllegalArgumentException("SM-2 retention must be in (0, 1), was " + sm2Retention);
        }
        if (!Double.isFinite(easeFactor) || !Double.isFinite(intervalDays)) {
            throw new IllegalArgumentException(
                "ease factor and interval must be finite, were " + easeFactor + " and " + intervalDays);
        }
        double stability = Math.max(intervalDays, S_MIN) * factor / (Math.pow(sm2Retention, 1 / decay) - 1);
        double difficulty = 11 - (easeFactor - 1)
            / (Math.exp(w[8]) * Math.pow(stability, -w[9]) * Math.expm1((1 - sm2Retention) * w[10]));
        if (!Double.isFinite(stability) || !Double.isFinite(difficulty)) {
            throw new IllegalArgumentException("no memory state fits ease " + easeFactor + ", interval "
                + intervalDays + ", retention " + sm2Retention);
        }
        return new MemoryState(clampStability(stability), clampDifficulty(difficulty));
    }

    static double clampStability(double s) {
        return Math.min(Math.max(s, S_MIN), S_MAX);
    }

    static double clampDifficulty(double d) {
        return Math.min(Math.max(d, D_MIN), D_MAX);
    }
}
