package org.glossa.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.glossa.fsrs.Card;
import org.glossa.fsrs.CardState;
import org.glossa.fsrs.Rating;
import org.glossa.fsrs.ReviewLog;
import org.glossa.fsrs.Scheduler;
import org.glossa.fsrs.TrainingItem;

/**
 * A review log made up by simulating a learner whose memory follows FSRS-6 with the default parameters, the input of
 * the FSRS benchmarks. Deterministic: the same sizes and seed give the same log.
 *
 * <p>Card {@code c} is met 37·c minutes after the start (about 39 new cards a day) and is then reviewed
 * {@code reviewsPerCard} times by the default scheduler (fuzz on, steps 1 and 10 minutes, days from 4 a.m. UTC).
 * The first answer is one of the four ratings at random; every later one is recalled with the probability the model
 * gives at that moment (1 on the same day, so (re)learning steps are always passed), and a recall is Hard 10%, Good
 * 80%, Easy 10% of the time. A third of the reviews come up to four days late, which spreads the elapsed days the
 * optimizer learns from.
 */
final class SyntheticLog {

    /** One review as the scheduler saw it: the card before the answer, the answer and when it was given. */
    record Review(Card card, Rating rating, Instant time) {
    }

    private static final Instant START = Instant.parse("2025-01-06T08:00:00Z");

    private final Scheduler scheduler = new Scheduler();
    private final List<ReviewLog.Entry> entries = new ArrayList<>();
    private final List<Review> reviews = new ArrayList<>();

    private SyntheticLog() {
    }

    /** {@code cards} cards of {@code reviewsPerCard} reviews each, from a {@link Random} seeded with {@code seed}. */
    static SyntheticLog simulate(int cards, int reviewsPerCard, long seed) {
        SyntheticLog log = new SyntheticLog();
        Random random = new Random(seed);
        for (int c = 0; c < cards; c++) {
            String id = "card-" + c;
            Instant now = START.plus(Duration.ofMinutes(37L * c));
            Card card = Card.newCard(now);
            for (int i = 0; i < reviewsPerCard; i++) {
                Rating rating = log.answer(card, now, random);
                log.entries.add(new ReviewLog.Entry(id, now, rating));
                log.reviews.add(new Review(card, rating, now));
                card = log.scheduler.review(card, rating, now).card();
                now = card.due().plus(Duration.ofHours(random.nextInt(3) == 0 ? random.nextInt(96) : 0));
            }
        }
        return log;
    }

    private Rating answer(Card card, Instant now, Random random) {
        if (card.state() == CardState.NEW) {
            return Rating.of(1 + random.nextInt(4));
        }
        if (random.nextDouble() >= scheduler.retrievability(card, now)) {
            return Rating.AGAIN;
        }
        double u = random.nextDouble();
        return u < 0.1 ? Rating.HARD : u < 0.9 ? Rating.GOOD : Rating.EASY;
    }

    int reviewCount() {
        return entries.size();
    }

    /** The optimizer's items, built by {@link ReviewLog#items} with the scheduler's day boundary. */
    List<TrainingItem> items() {
        return ReviewLog.items(entries, scheduler.settings().dayBoundary());
    }

    /** {@code n} of the reviews, picked at random (seeded) from the whole log, so in the log's mix of card states. */
    List<Review> sample(int n, long seed) {
        if (n > reviews.size()) {
            throw new IllegalArgumentException("the log has " + reviews.size() + " reviews, asked for " + n);
        }
        List<Review> shuffled = new ArrayList<>(reviews);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, n));
    }
}
