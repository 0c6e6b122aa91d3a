package org.glossa.benchmarks;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.glossa.fsrs.Card;
import org.glossa.fsrs.CardState;
import org.glossa.fsrs.Fuzzing;
import org.glossa.fsrs.Parameters;
import org.glossa.fsrs.Rating;
import org.glossa.fsrs.ReviewOutcome;
import org.glossa.fsrs.Scheduler;
import org.glossa.fsrs.SchedulerSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many reviews one core schedules per second (the target, issue 4, is at least 2 million), with fuzz on and off.
 * Each call is {@code Scheduler.review(card, rating, now)} on the next of 4096 reviews drawn at random from a
 * {@link SyntheticLog}, so the cards come in the states, ratings and delays a learner produces (new, learning,
 * review, relearning; most of them in review), in an order the branch predictor cannot learn. Fuzz as the
 * library offers it: seeded (the default), ts-fsrs's Alea, and off. The outcome is returned
 * to JMH, which consumes it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class SchedulerBenchmark {

    private static final int REVIEWS = 4096;
    private static final int MASK = REVIEWS - 1;

    /** The default seeded fuzz, ts-fsrs's Alea fuzz, or none. */
    @Param({"SEEDED", "TS_FSRS", "OFF"})
    public Fuzzing fuzz;

    private Scheduler scheduler;
    private final Card[] cards = new Card[REVIEWS];
    private final Rating[] ratings = new Rating[REVIEWS];
    private final Instant[] times = new Instant[REVIEWS];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        scheduler = new Scheduler(Parameters.DEFAULT, SchedulerSettings.defaults().withFuzzing(fuzz));
        List<SyntheticLog.Review> sample = SyntheticLog.simulate(1000, 11, 42).sample(REVIEWS, 7);
        Map<CardState, Integer> mix = new EnumMap<>(CardState.class);
        for (int i = 0; i < REVIEWS; i++) {
            SyntheticLog.Review review = sample.get(i);
            cards[i] = review.card();
            ratings[i] = review.rating();
            times[i] = review.time();
            mix.merge(review.card().state(), 1, Integer::sum);
        }
        System.out.println("\n" + REVIEWS + " reviews, cards by state before the answer: " + mix);
    }

    @Benchmark
    public ReviewOutcome review() {
        int i = next;
        next = (i + 1) & MASK;
        return scheduler.review(cards[i], ratings[i], times[i]);
    }
}
