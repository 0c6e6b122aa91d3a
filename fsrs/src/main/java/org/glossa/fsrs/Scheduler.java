package org.glossa.fsrs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Schedules cards with FSRS-6: given a card, an answer and the time it was given, the card's next state and due time.
 * Immutable and thread-safe; no clock is read, time is always passed in.
 *
 * <p>Behaviour follows ts-fsrs 5.4.1 wherever the reference schedulers differ:
 * <ul>
 *   <li>New and (re)learning cards move through steps in minutes: Again goes back to the first step, Hard waits
 *       {@code round((s0+s1)/2)} minutes ({@code round(1.5·s0)} with one step) at any step, Good moves to the next
 *       step or graduates to days after the last, Easy graduates at once. py-fsrs differs for Hard (exact half
 *       minutes, and the current step's delay after the first step).</li>
 *   <li>A step of a day or more is kept as a delay but the card is counted in Review, as in ts-fsrs.</li>
 *   <li>In Review, Again starts the relearning steps (or, with none, schedules days) and counts a lapse; Hard, Good
 *       and Easy get day intervals kept in order: {@code hard ≤ good}, {@code good ≥ hard + 1},
 *       {@code easy ≥ good + 1}, then capped at the maximum interval (ts-fsrs 5.4.1 does not cap these bumps).</li>
 *   <li>With short-term scheduling off (ts-fsrs's long-term scheduler) there are no steps: every answer gets days,
 *       with {@code again < hard < good < easy}.</li>
 *   <li>Fuzz takes ts-fsrs's range and seed inputs (review epoch ms, reps after this review, D·S before it), so a
 *       review is fuzzed the same way each time it is replayed; py-fsrs draws from Python's global random instead.
 *       Unlike ts-fsrs (off), fuzz is on by default, as in py-fsrs. The one departure: by default the seed inputs
 *       go through a 64-bit mix ({@link Fuzzing#SEEDED}, ~20 ns) rather than ts-fsrs's Alea over the seed string,
 *       whose serial hash alone costs over a microsecond and would keep scheduling under 1 million reviews a second;
 *       {@link Fuzzing#TS_FSRS} gives ts-fsrs's fuzzed intervals to the day.</li>
 *   <li>Elapsed days are counted between the learner's own day boundaries ({@link DayBoundary}); a due time is the
 *       review time plus whole 24-hour days or minutes, as in ts-fsrs.</li>
 *   <li>The memory model computes as ts-fsrs does ({@link Fsrs#tsFsrsCompatible}): intermediate results rounded to
 *       8 decimals, initial stability at least 0.1.</li>
 *   <li>Same-day weights are clipped for the number of relearning steps but w19 keeps its floor of 0, as in
 *       fsrs-rs: ts-fsrs 5.4.2 raises a migrated FSRS-5 set's w19 = 0 to 0.01.</li>
 * </ul>
 */
public final class Scheduler {

    private static final long MINUTES_PER_DAY = 1440;

    private final SchedulerSettings settings;
    private final Fsrs model;
    private final long[] learningMinutes;
    private final long[] relearningMinutes;
    private final double intervalModifier;

    public Scheduler(Parameters parameters, SchedulerSettings settings) {
        if (parameters == null || settings == null) {
            throw new IllegalArgumentException("parameters and settings must not be null");
        }
        this.settings = settings;
        this.model = Fsrs.tsFsrsCompatible(
            parameters.clipped(settings.relearningSteps().size(), false), settings.shortTerm());
        this.learningMinutes = minutes(settings.learningSteps());
        this.relearningMinutes = minutes(settings.relearningSteps());
        // days per day of stability at the desired retention; ts-fsrs also computes this once per scheduler
        this.intervalModifier = model.interval(1, settings.desiredRetention());
    }

    /** The default parameters and settings. */
    public Scheduler() {
        this(Parameters.DEFAULT, SchedulerSettings.defaults());
    }

    private static long[] minutes(List<Duration> steps) {
        return steps.stream().mapToLong(Duration::toMinutes).toArray();
    }

    public SchedulerSettings settings() {
        return settings;
    }

    /** The memory model, with the parameters as clipped for these settings. */
    public Fsrs model() {
        return model;
    }

    /** Learner days since the card's last review (0 for a new card). */
    public long elapsedDays(Card card, Instant now) {
        checkTime(card, now);
        return card.state() == CardState.NEW ? 0 : settings.dayBoundary().elapsedDays(card.lastReview(), now);
    }

    /** The probability that the learner recalls the card at {@code now}; 0 for a new card. */
    public double retrievability(Card card, Instant now) {
        long days = elapsedDays(card, now);
        return card.state() == CardState.NEW ? 0 : model.retrievability(days, card.memory().stability());
    }

    /** The card after answering {@code rating} at {@code now}. */
    public ReviewOutcome review(Card card, Rating rating, Instant now) {
        if (rating == null) {
            throw new IllegalArgumentException("rating must not be null");
        }
        return new Review(card, now, elapsedDays(card, now)).outcome(rating);
    }

    /** The outcome of each of the four answers at {@code now}. */
    public Preview preview(Card card, Instant now) {
        Review review = new Review(card, now, elapsedDays(card, now));
        return new Preview(review.outcome(Rating.AGAIN), review.outcome(Rating.HARD), review.outcome(Rating.GOOD),
            review.outcome(Rating.EASY));
    }

    private static void checkTime(Card card, Instant now) {
        if (card == null || now == null) {
            throw new IllegalArgumentException("card and review time must not be null");
        }
        if (card.lastReview() != null && now.isBefore(card.lastReview())) {
            throw new IllegalArgumentException(
                "review time " + now + " is before the card's last review " + card.lastReview());
        }
    }

    /**
     * One review being computed: the card, the time, and what the answers share (next memory states, intervals, the
     * fuzz factor), each computed at most once and only when an answer needs it.
     */
    private final class Review {
        private final Card card;
        private final Instant now;
        private final long elapsedDays;
        private final MemoryState[] next = new MemoryState[5];
        private final int[] days = new int[5];
        private double fuzzFactor = Double.NaN;

        Review(Card card, Instant now, long elapsedDays) {
            this.card = card;
            this.now = now;
            this.elapsedDays = elapsedDays;
        }

        ReviewOutcome outcome(Rating rating) {
            if (!settings.shortTerm()) {
                return longTerm(rating);
            }
            return card.state() == CardState.REVIEW && rating != Rating.AGAIN ? inReview(rating) : inSteps(rating);
        }

        private MemoryState next(Rating rating) {
            int g = rating.grade();
            if (next[g] == null) {
                next[g] = model.next(card.memory(), elapsedDays, rating);
            }
            return next[g];
        }

        /** Rounded, capped and (if on) fuzzed interval in days for the state after {@code rating}. */
        private int interval(Rating rating) {
            int g = rating.grade();
            if (days[g] == 0) {
                double exact = next(rating).stability() * intervalModifier;
                int d = (int) Math.min(Math.max(1, Math.round(exact)), settings.maximumInterval());
                // Intervals under 2.5 days are never fuzzed: skip hashing the seed for them.
                days[g] = settings.fuzz() && d >= 3
                    ? Fuzz.apply(d, elapsedDays, settings.maximumInterval(), fuzzFactor()) : d;
            }
            return days[g];
        }

        private double fuzzFactor() {
            if (Double.isNaN(fuzzFactor)) {
                MemoryState m = card.memory();
                double product = m == null ? 0 : m.difficulty() * m.stability();
                fuzzFactor = settings.fuzzing() == Fuzzing.TS_FSRS
                    ? new Alea(now.toEpochMilli() + "_" + (card.reps() + 1) + "_" + Alea.jsNumber(product)).next()
                    : Fuzz.seeded(now.toEpochMilli(), card.reps() + 1, product);
            }
            return fuzzFactor;
        }

        private int lapsesAfter(Rating rating) {
            return card.lapses() + (rating == Rating.AGAIN && card.state() != CardState.NEW
                && (card.state() == CardState.REVIEW || !settings.shortTerm()) ? 1 : 0);
        }

        private ReviewOutcome outcome(Rating rating, CardState state, int step, Instant due, int scheduledDays) {
            Card after = new Card(state, step, next(rating), due, now, scheduledDays, card.reps() + 1,
                lapsesAfter(rating));
            return new ReviewOutcome(after, rating, now, card.state(), elapsedDays);
        }

        private ReviewOutcome inDays(Rating rating, int days) {
            return outcome(rating, CardState.REVIEW, 0, now.plus(Duration.ofDays(days)), days);
        }

        /** New, Learning and Relearning cards, and Again on a Review card: the (re)learning steps. */
        private ReviewOutcome inSteps(Rating rating) {
            CardState from = card.state();
            boolean relearning = from == CardState.RELEARNING || from == CardState.REVIEW;
            long[] steps = relearning ? relearningMinutes : learningMinutes;
            int current = card.step();
            long minutes = 0;
            int nextStep = 0;
            if (steps.length > 0 && current < steps.length) {
                if (from == CardState.REVIEW) {
                    minutes = rating == Rating.AGAIN ? steps[current] : 0;
                } else {
                    switch (rating) {
                        case AGAIN -> minutes = steps[0];
                        case HARD -> {
                            minutes = steps.length == 1 ? Math.round(steps[0] * 1.5)
                                : Math.round((steps[0] + steps[1]) / 2.0);
                            nextStep = current;
                        }
                        case GOOD -> {
                            if (current + 1 < steps.length) {
                                minutes = steps[current + 1];
                                nextStep = current + 1;
                            }
                        }
                        case EASY -> { }
                    }
                }
            }
            if (minutes > 0 && minutes < MINUTES_PER_DAY) {
                CardState to = from == CardState.NEW ? CardState.LEARNING
                    : from == CardState.REVIEW ? CardState.RELEARNING : from;
                return outcome(rating, to, nextStep, now.plus(Duration.ofMinutes(minutes)), 0);
            }
            if (minutes >= MINUTES_PER_DAY) {
                return outcome(rating, CardState.REVIEW, nextStep, now.plus(Duration.ofMinutes(minutes)),
                    (int) (minutes / MINUTES_PER_DAY));
            }
            return inDays(rating, interval(rating));
        }

        /** Hard, Good or Easy on a Review card: day intervals with hard ≤ good < easy. */
        private ReviewOutcome inReview(Rating rating) {
            int max = settings.maximumInterval();
            int good = interval(Rating.GOOD);
            int hard = Math.min(interval(Rating.HARD), good);
            if (rating == Rating.HARD) {
                return inDays(rating, hard);
            }
            good = Math.min(Math.max(good, hard + 1), max);
            if (rating == Rating.GOOD) {
                return inDays(rating, good);
            }
            return inDays(rating, Math.min(Math.max(interval(Rating.EASY), good + 1), max));
        }

        /** ts-fsrs's long-term scheduler: days for every answer, again < hard < good < easy. */
        private ReviewOutcome longTerm(Rating rating) {
            int max = settings.maximumInterval();
            int hard = interval(Rating.HARD);
            int again = Math.min(interval(Rating.AGAIN), hard);
            if (rating == Rating.AGAIN) {
                return inDays(rating, again);
            }
            hard = Math.min(Math.max(hard, again + 1), max);
            if (rating == Rating.HARD) {
                return inDays(rating, hard);
            }
            int good = Math.min(Math.max(interval(Rating.GOOD), hard + 1), max);
            if (rating == Rating.GOOD) {
                return inDays(rating, good);
            }
            return inDays(rating, Math.min(Math.max(interval(Rating.EASY), good + 1), max));
        }
    }
}
