package org.glossa.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluationTests {

    private static TrainingItem item(int days, int grade) {
        return new TrainingItem(new int[] {0, days}, new int[] {3, grade});
    }

    @Test
    void logLossIsTheRecencyWeightedMeanCrossEntropy() {
        List<TrainingItem> items = List.of(item(2, 3), item(5, 1), item(9, 3));
        double[] p = {0.9, 0.6, 0.7};
        Evaluation.Metrics m = Evaluation.metrics(items, p);
        double[] weights = {0.25, 0.25 + 0.75 / 8, 1};
        double expected = (weights[0] * -Math.log(0.9) + weights[1] * -Math.log(0.4) + weights[2] * -Math.log(0.7))
            / (weights[0] + weights[1] + weights[2]);
        assertThat(m.logLoss()).isCloseTo(expected, within(1e-12));
        assertThat(m.items()).isEqualTo(3);
    }

    @Test
    void rmseBinsComparesMeanPredictionWithRecallRatePerBin() {
        // the same bin (2 days, one long-term review, no lapse) twice: mean prediction 0.75, recall rate 0.5
        List<TrainingItem> items = List.of(item(2, 3), item(2, 1));
        Evaluation.Metrics m = Evaluation.metrics(items, new double[] {0.8, 0.7});
        assertThat(m.rmseBins()).isCloseTo(0.25, within(1e-12));
        assertThat(Evaluation.bin(item(2, 3))).isEqualTo(Evaluation.bin(item(3, 1)))
            .isNotEqualTo(Evaluation.bin(item(4, 3)));
    }

    @Test
    void aTimeSeriesSplitPredictsEachFoldFromTheOnesBefore() {
        List<TrainingItem> items = ReviewLog.items(OptimizerTests.simulate(Parameters.DEFAULT, 150, 8, 21),
            DayBoundary.UTC_MIDNIGHT);
        Evaluation.Metrics m = Evaluation.timeSeriesSplit(items, new Optimizer(), 5);
        assertThat(m.items()).isEqualTo(items.size() / 6 * 5);
        assertThat(m.logLoss()).isBetween(0.05, 1.0);
        assertThat(m.rmseBins()).isBetween(0.0, 0.5);
        assertThatIllegalArgumentException().isThrownBy(() -> Evaluation.timeSeriesSplit(items.subList(0, 3),
            new Optimizer(), 5)).withMessageContaining("3");
    }
}
