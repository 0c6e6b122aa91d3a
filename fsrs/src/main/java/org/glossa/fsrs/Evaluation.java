package org.glossa.fsrs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well parameters predict a learner's reviews, as fsrs-rs {@code evaluate} measures it (checked against the
 * fsrs-rs npm binding to within 1e-4, its f32 against our f64): items first pass the optimizer's outlier filter and
 * are weighted by recency, {@code 0.25 + 0.75·(i/(n-1))³} in time order. The log loss is the weighted mean binary
 * cross-entropy of the predicted retrievability against recall; RMSE(bins) is the root mean square gap between the
 * mean prediction and the recall rate within bins of (elapsed days, number of long-term reviews, lapses), each bin
 * counting by its weight.
 */
public final class Evaluation {

    /** The two metrics over {@code items} predictions. */
    public record Metrics(double logLoss, double rmseBins, int items) {
    }

    private Evaluation() {
    }

    /** Metrics of {@code parameters} on {@code items}. */
    public static Metrics evaluate(Parameters parameters, List<TrainingItem> items) {
        List<TrainingItem> kept = Optimizer.prepare(items).train();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("evaluation needs at least one item that passes the outlier filter, "
                + "got " + items.size() + " item(s) and none passed");
        }
        return metrics(kept, predict(parameters, kept));
    }

    /** The predicted retrievability of each item's last review. */
    static double[] predict(Parameters parameters, List<TrainingItem> items) {
        Fsrs model = new Fsrs(parameters);
        double[] out = new double[items.size()];
        for (int k = 0; k < out.length; k++) {
            TrainingItem item = items.get(k);
            MemoryState state = null;
            for (int i = 0; i < item.size() - 1; i++) {
                state = model.next(state, item.elapsedDays(i), Rating.of(item.grade(i)));
            }
            out[k] = model.retrievability(item.predictedDays(), state.stability());
        }
        return out;
    }

    /** Recency-weighted metrics of predictions for items in time order. */
    static Metrics metrics(List<TrainingItem> items, double[] predictions) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("evaluation needs at least one item");
        }
        double loss = 0;
        double totalWeight = 0;
        double length = Math.max(items.size() - 1, 1);
        // per bin: sum of predictions, sum of recalls, count, sum of weights
        Map<Long, double[]> bins = new HashMap<>();
        for (int k = 0; k < predictions.length; k++) {
            TrainingItem item = items.get(k);
            double weight = 0.25 + 0.75 * Math.pow(k / length, 3);
            double y = item.recalled() ? 1 : 0;
            double p = Math.min(Math.max(predictions[k], 1e-7), 1 - 1e-7);
            loss -= weight * (y * Math.log(p) + (1 - y) * Math.log(1 - p));
            totalWeight += weight;
            double[] bin = bins.computeIfAbsent(bin(item), b -> new double[4]);
            bin[0] += predictions[k];
            bin[1] += y;
            bin[2]++;
            bin[3] += weight;
        }
        double sum = 0;
        double binWeights = 0;
        for (double[] bin : bins.values()) {
            double gap = bin[0] / bin[2] - bin[1] / bin[2];
            sum += gap * gap * bin[3];
            binWeights += bin[3];
        }
        return new Metrics(loss / totalWeight, Math.sqrt(sum / binWeights), predictions.length);
    }

    /** fsrs-rs {@code r_matrix_index}: logarithmic bins of elapsed days, review count and lapses. */
    static long bin(TrainingItem item) {
        double t = item.predictedDays();
        long daysBin = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(t) / Math.log(3.62))) * 100);
        double length = item.longTermReviews() + 1;
        long lengthBin = Math.round(1.99 * Math.pow(1.89, Math.floor(Math.log(length) / Math.log(1.89))));
        int lapses = item.lapses();
        long lapseBin = lapses == 0 ? 0
            : Math.round(1.65 * Math.pow(1.73, Math.floor(Math.log(lapses) / Math.log(1.73))));
        return (daysBin * 1_000_003L + lengthBin) * 1_000_003L + lapseBin;
    }

    /**
     * Out-of-sample metrics by a time-series split (fsrs-rs {@code evaluate_with_time_series_splits}): items in time
     * order are cut into {@code splits + 1} folds; for each split, parameters are fitted on all earlier folds and
     * predict the next one. The metrics cover every predicted fold together.
     */
    public static Metrics timeSeriesSplit(List<TrainingItem> items, Optimizer optimizer, int splits) {
        if (splits < 1) {
            throw new IllegalArgumentException("splits must be at least 1, was " + splits);
        }
        int foldSize = items.size() / (splits + 1);
        if (foldSize < 1) {
            throw new IllegalArgumentException("too few items (" + items.size() + ") for " + splits + " splits");
        }
        int remainder = items.size() - foldSize * (splits + 1);
        List<TrainingItem> tested = new ArrayList<>();
        List<Double> predictions = new ArrayList<>();
        for (int i = 0; i < splits; i++) {
            int trainEnd = remainder + foldSize * (i + 1);
            List<TrainingItem> train = items.subList(0, trainEnd);
            List<TrainingItem> test = items.subList(trainEnd, trainEnd + foldSize);
            Parameters fitted = optimizer.optimize(train).parameters();
            for (double p : predict(fitted, test)) {
                predictions.add(p);
            }
            tested.addAll(test);
        }
        return metrics(tested, predictions.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
