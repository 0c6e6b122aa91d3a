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
 *   <li>Fuzz uses ts-fsrs's seed {@code "<review epoch ms>_<reps after this review>_<D·S before it>"} with the Alea
 *       generator, so a review is fuzzed the same way each time it is replayed; py-fsrs draws from Python's global
 *       random instead. Unlike ts-fsrs (off), fuzz is on by default, as in py-fsrs.</li>
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

    public Scheduler(Parameters parameters, SchedulerSettings settings) {
        if (parameters == null || settings == null) {
            throw new IllegalArgumentException("parameters and settings must not be null");
        }
        this.settings = settings;
        this.model = Fsrs.tsFsrsCompatible(
            parameters.clipped(settings.relearningSteps().size(), false), settings.shortTerm());
        this.learningMinutes = minutes(settings.learningSteps());
        this.relearningMinutes = minutes(settings.relearningSteps());
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
        return preview(card, now).get(rating);
    }

    /** The outcome of each of the four answers at {@code now}. */
    public Preview preview(Card card, Instant now) {
        Review review = new Review(card, now, elapsedDays(card, now));
        if (!settings.shortTerm()) {
            return review.longTerm();
        }
        return switch (card.state()) {
            case NEW, LEARNING, RELEARNING -> new Preview(review.inSteps(Rating.AGAIN), review.inSteps(Rating.HARD),
                review.inSteps(Rating.GOOD), review.inSteps(Rating.EASY));
            case REVIEW -> review.inReview();
        };
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

    /** One review being computed: the card, the time, and the fuzz factor drawn once for all four answers. */
    private final class Review {
        private final Card card;
        private final Instant now;
        private final long elapsedDays;
        private double fuzzFactor = Double.NaN;

        Review(Card card, Instant now, long elapsedDays) {
            this.card = card;
            this.now = now;
            this.elapsedDays = elapsedDays;
        }

        private MemoryState next(Rating rating) {
            return model.next(card.memory(), elapsedDays, rating);
        }

        private int lapsesAfter(Rating rating) {
            return card.lapses() + (rating == Rating.AGAIN && card.state() != CardState.NEW
                && (card.state() == CardState.REVIEW || !settings.shortTerm()) ? 1 : 0);
        }

        private ReviewOutcome outcome(Rating rating, CardState state, int step, MemoryState memory, Instant due,
                                      int scheduledDays) {
            Card next = new Card(state, step, memory, due, now, scheduledDays, card.reps() + 1, lapsesAfter(rating));
            return new ReviewOutcome(next, rating, now, card.state(), elapsedDays);
        }

        private ReviewOutcome inDays(Rating rating, MemoryState memory, int days) {
            return outcome(rating, CardState.REVIEW, 0, memory, now.plus(Duration.ofDays(days)), days);
        }

        /** Rounded, capped and (if on) fuzzed interval in days. */
        private int interval(double stability) {
            double exact = model.interval(stability, settings.desiredRetention());
            int days = (int) Math.min(Math.max(1, Math.round(exact)), settings.maximumInterval());
            return settings.fuzz() ? Fuzz.apply(days, elapsedDays, settings.maximumInterval(), fuzzFactor()) : days;
        }

        private double fuzzFactor() {
            if (Double.isNaN(fuzzFactor)) {
                MemoryState m = card.memory();
                double product = m == null ? 0 : m.difficulty() * m.stability();
                String seed = now.toEpochMilli() + "_" + (card.reps() + 1) + "_" + Alea.jsNumber(product);
                fuzzFactor = new Alea(seed).next();
            }
            return fuzzFactor;
        }

        /** New, Learning and Relearning cards, and Again on a Review card: the (re)learning steps. */
        ReviewOutcome inSteps(Rating rating) {
            MemoryState memory = next(rating);
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
                            minutes = steps.length == 1 ? Math.round(steps[0] * 1.5) : Math.round((steps[0] + steps[1]) / 2.0);
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
                return outcome(rating, to, nextStep, memory, now.plus(Duration.ofMinutes(minutes)), 0);
            }
            if (minutes >= MINUTES_PER_DAY) {
                return outcome(rating, CardState.REVIEW, nextStep, memory, now.plus(Duration.ofMinutes(minutes)),
                    (int) (minutes / MINUTES_PER_DAY));
            }
            return inDays(rating, memory, interval(memory.stability()));
        }

        /** A Review card: Again relearns; Hard, Good and Easy get ordered day intervals. */
        Preview inReview() {
            MemoryState hard = next(Rating.HARD);
            MemoryState good = next(Rating.GOOD);
            MemoryState easy = next(Rating.EASY);
            int max = settings.maximumInterval();
            int hardDays = interval(hard.stability());
            int goodDays = interval(good.stability());
            hardDays = Math.min(hardDays, goodDays);
            goodDays = Math.min(Math.max(goodDays, hardDays + 1), max);
            int easyDays = Math.min(Math.max(interval(easy.stability()), goodDays + 1), max);
            return new Preview(inSteps(Rating.AGAIN), inDays(Rating.HARD, hard, hardDays),
                inDays(Rating.GOOD, good, goodDays), inDays(Rating.EASY, easy, easyDays));
        }

        /** ts-fsrs's long-term scheduler: days for every answer, again < hard < good < easy. */
        Preview longTerm() {
            MemoryState again = next(Rating.AGAIN);
            MemoryState hard = next(Rating.HARD);
            MemoryState good = next(Rating.GOOD);
            MemoryState easy = next(Rating.EASY);
            int max = settings.maximumInterval();
            int againDays = interval(again.stability());
            int hardDays = interval(hard.stability());
            againDays = Math.min(againDays, hardDays);
            hardDays = Math.min(Math.max(hardDays, againDays + 1), max);
            int goodDays = Math.min(Math.max(interval(good.stability()), hardDays + 1), max);
            int easyDays = Math.min(Math.max(interval(easy.stability()), goodDays + 1), max);
            return new Preview(inDays(Rating.AGAIN, again, againDays), inDays(Rating.HARD, hard, hardDays),
                inDays(Rating.GOOD, good, goodDays), inDays(Rating.EASY, easy, easyDays));
        }
    }
}
