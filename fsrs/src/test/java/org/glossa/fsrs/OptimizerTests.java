package org.glossa.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class OptimizerTests {

    private static final Instant START = Instant.parse("2025-01-06T08:00:00Z");

    /** A learner whose memory follows {@code truth}: reviews at each due time, recalls with probability R. */
    static List<ReviewLog.Entry> simulate(Parameters truth, int cards, int reviewsPerCard, long seed) {
        Random random = new Random(seed);
        Scheduler scheduler = new Scheduler(truth, SchedulerSettings.defaults());
        List<ReviewLog.Entry> log = new ArrayList<>();
        for (int c = 0; c < cards; c++) {
            String id = "card-" + c;
            Instant now = START.plus(Duration.ofMinutes(c * 37L));
            Card card = Card.newCard(now);
            for (int i = 0; i < reviewsPerCard; i++) {
                Rating rating;
                if (card.state() == CardState.NEW) {
                    rating = Rating.of(1 + random.nextInt(4));
                } else {
                    double r = scheduler.retrievability(card, now);
                    double u = random.nextDouble();
                    rating = random.nextDouble() >= r ? Rating.AGAIN : u < 0.1 ? Rating.HARD : u < 0.9 ? Rating.GOOD
                        : Rating.EASY;
                }
                log.add(new ReviewLog.Entry(id, now, rating));
                card = scheduler.review(card, rating, now).card();
                // learners are late now and then, which spreads the elapsed days the optimizer sees
                now = card.due().plus(Duration.ofHours(random.nextInt(3) == 0 ? random.nextInt(96) : 0));
            }
        }
        return log;
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        Random random = new Random(7);
        double[] w = Parameters.DEFAULT.toArray();
        for (int i = 0; i < w.length; i++) {
            w[i] *= 1 + 0.2 * (random.nextDouble() - 0.5);
        }
        w = Parameters.clip(w, 1, true);
        List<TrainingItem> items = ReviewLog.items(simulate(Parameters.DEFAULT, 40, 8, 3), DayBoundary.UTC_MIDNIGHT);
        TrainingLoss loss = new TrainingLoss();
        double[] grad = new double[21];
        for (TrainingItem item : items) {
            loss.lossAndGradient(w, item, 0.7, grad);
        }
        for (int i = 0; i < 21; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(w[i]));
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[i] += h;
            minus[i] -= h;
            double up = 0;
            double down = 0;
            for (TrainingItem item : items) {
                up += loss.lossAndGradient(plus, item, 0.7, null);
                down += loss.lossAndGradient(minus, item, 0.7, null);
            }
            double numeric = (up - down) / (2 * h);
            assertThat(grad[i]).as("dL/dw%d", i).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void sharedHistoriesGiveExactlyTheLossOfEachItem() {
        List<TrainingItem> items = ReviewLog.items(simulate(Parameters.DEFAULT, 60, 9, 4), DayBoundary.UTC_MIDNIGHT);
        double[] weights = new double[items.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.25 + 0.75 * i / weights.length;
        }
        TrainingLoss.Prefixes prefixes = new TrainingLoss.Prefixes(items);
        assertThat(prefixes.parent.length).as("histories are shared")
            .isLessThan(items.stream().mapToInt(TrainingItem::size).sum() / 2);
        TrainingLoss loss = new TrainingLoss();
        double[] w = Parameters.DEFAULT.with(9, 0.3).toArray();
        double[] shared = new double[items.size()];
        loss.losses(w, prefixes, items, weights, shared);
        for (int k = 0; k < items.size(); k++) {
            assertThat(shared[k]).isEqualTo(loss.lossAndGradient(w, items.get(k), weights[k], null));
        }
    }

    @Test
    void withoutShortTermTheSameDayWeightsAndInitialStabilityStayPut() {
        List<TrainingItem> items = ReviewLog.items(simulate(Parameters.DEFAULT, 300, 8, 9), DayBoundary.UTC_MIDNIGHT);
        Optimizer longTerm = new Optimizer(new Optimizer.Settings(5, 512, 0.04, 2023, 256, 1.0, false, 1));
        Optimizer.Result result = longTerm.optimize(items);
        assertThat(result.trained()).isTrue();
        double[] w = result.parameters().toArray();
        double[] d = Parameters.DEFAULT.toArray();
        assertThat(w[17]).isEqualTo(d[17]);
        assertThat(w[18]).isEqualTo(d[18]);
        assertThat(w[19]).isEqualTo(d[19]);
        assertThat(w[8]).isNotEqualTo(d[8]);
    }

    @Test
    void anInterruptedThreadStopsTheOptimizer() {
        List<TrainingItem> items = ReviewLog.items(simulate(Parameters.DEFAULT, 100, 8, 5), DayBoundary.UTC_MIDNIGHT);
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Optimizer().optimize(items))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void fewerThanEightItemsKeepTheDefaults() {
        List<TrainingItem> items = ReviewLog.items(simulate(Parameters.DEFAULT, 2, 4, 1), DayBoundary.UTC_MIDNIGHT);
        assertThat(items).hasSizeLessThan(8);
        Optimizer.Result result = new Optimizer().optimize(items);
        assertThat(result.parameters()).isEqualTo(Parameters.DEFAULT);
        assertThat(result.trained()).isFalse();
    }

    @Test
    void fewerThanSixtyFourItemsOnlyFitInitialStability() {
        List<TrainingItem> items = ReviewLog.items(simulate(Parameters.DEFAULT, 12, 5, 2), DayBoundary.UTC_MIDNIGHT);
        assertThat(items.size()).isBetween(8, 63);
        Optimizer.Result result = new Optimizer().optimize(items);
        assertThat(result.trained()).isFalse();
        double[] w = result.parameters().toArray();
        double[] d = Parameters.DEFAULT.toArray();
        for (int i = 4; i < 21; i++) {
            assertThat(w[i]).as("w%d", i).isEqualTo(d[i]);
        }
        assertThat(w[0]).isLessThanOrEqualTo(w[1]);
        assertThat(w[1]).isLessThanOrEqualTo(w[2]);
        assertThat(w[2]).isLessThanOrEqualTo(w[3]);
    }

    @Test
    void fittedParametersPredictTheLearnerBetterThanTheDefaults() {
        double[] t = Parameters.DEFAULT.toArray();
        t[8] = 1.2;
        t[9] = 0.3;
        t[11] = 2.5;
        t[20] = 0.4;
        Parameters truth = Parameters.of(t);
        List<TrainingItem> items = ReviewLog.items(simulate(truth, 400, 10, 11), DayBoundary.UTC_MIDNIGHT);
        Optimizer.Result result = new Optimizer().optimize(items);
        assertThat(result.trained()).isTrue();
        Evaluation.Metrics fitted = Evaluation.evaluate(result.parameters(), items);
        Evaluation.Metrics defaults = Evaluation.evaluate(Parameters.DEFAULT, items);
        Evaluation.Metrics best = Evaluation.evaluate(truth, items);
        assertThat(fitted.logLoss()).isLessThan(defaults.logLoss());
        assertThat(fitted.logLoss()).isLessThan(best.logLoss() + 0.01);
        assertThat(fitted.rmseBins()).isLessThan(defaults.rmseBins());
        assertThat(new Optimizer().optimize(items)).as("deterministic").isEqualTo(result);
    }

    @Test
    void smoothingOrdersAndFillsInitialStability() {
        Map<Integer, Integer> counts = Map.of(1, 1, 2, 1, 3, 1, 4, 1);
        double[] filled = Optimizer.smoothAndFill(new HashMap<>(Map.of(1, 0.4, 3, 2.3, 4, 10.9)), counts);
        assertThat(filled[0]).isEqualTo(0.4);
        assertThat(filled[1]).isCloseTo(0.8052433, within(1e-6));
        assertThat(filled[2]).isEqualTo(2.3);
        assertThat(filled[3]).isEqualTo(10.9);
        double[] scaled = Optimizer.smoothAndFill(new HashMap<>(Map.of(2, 2.5862)), Map.of(2, 1));
        assertThat(scaled[1]).isCloseTo(2.5862, within(1e-12));
        assertThat(scaled[2] / scaled[1]).isCloseTo(2.3065 / 1.2931, within(1e-9));
    }

    @Test
    void itemsAreBuiltPerLongTermReviewWithTheWholeHistory() {
        List<ReviewLog.Entry> log = List.of(
            new ReviewLog.Entry("a", Instant.parse("2025-01-01T10:00:00Z"), Rating.AGAIN),
            new ReviewLog.Entry("a", Instant.parse("2025-01-01T10:10:00Z"), Rating.GOOD),
            new ReviewLog.Entry("a", Instant.parse("2025-01-03T09:00:00Z"), Rating.GOOD),
            new ReviewLog.Entry("b", Instant.parse("2025-01-02T09:00:00Z"), Rating.EASY),
            new ReviewLog.Entry("a", Instant.parse("2025-01-03T09:05:00Z"), Rating.HARD),
            new ReviewLog.Entry("b", Instant.parse("2025-01-09T09:00:00Z"), Rating.AGAIN));
        List<TrainingItem> items = ReviewLog.items(log, DayBoundary.UTC_MIDNIGHT);
        assertThat(items).containsExactly(
            new TrainingItem(new int[] {0, 0, 2}, new int[] {1, 3, 3}),
            new TrainingItem(new int[] {0, 7}, new int[] {4, 1}));
    }

    @Test
    void badInputIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TrainingItem(new int[] {0, 0}, new int[] {3, 3}))
            .withMessageContaining("was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new TrainingItem(new int[] {0, 2}, new int[] {5, 3}))
            .withMessageContaining("5");
        assertThatIllegalArgumentException().isThrownBy(() -> new TrainingItem(new int[] {3}, new int[] {3}))
            .withMessageContaining("1 review");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new Optimizer.Settings(0, 512, 0.04, 1, 256, 1, true, 1)).withMessageContaining("0");
        assertThatIllegalArgumentException().isThrownBy(() -> Evaluation.evaluate(Parameters.DEFAULT, List.of()))
            .withMessageContaining("at least one item");
    }
}
