package org.glossa.fsrs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well parameters predict a learner's reviews, as fsrs-rs {@code evaluate} measures it: the mean log loss of the
 * predicted retrievability against recall, and RMSE(bins), the root mean square gap between predicted and actual
 * recall rates over bins of (elapsed days, number of long-term reviews, lapses), weighted by bin size.
 */
public final class Evaluation {

    /** The two metrics over {@code items} predictions. */
    public record Metrics(double logLoss, double rmseBins, int items) {
    }

    private Evaluation() {
    }

    /** Metrics of {@code parameters} on {@code items}. */
    public static Metrics evaluate(Parameters parameters, List<TrainingItem> items) {
        double[] predictions = predict(parameters, items);
        return metrics(items, predictions);
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

    static Metrics metrics(List<TrainingItem> items, double[] predictions) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("evaluation needs at least one item");
        }
        double loss = 0;
        Map<Long, double[]> bins = new HashMap<>();
        for (int k = 0; k < predictions.length; k++) {
            TrainingItem item = items.get(k);
            double y = item.recalled() ? 1 : 0;
            double p = Math.min(Math.max(predictions[k], 1e-7), 1 - 1e-7);
            loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
            double[] bin = bins.computeIfAbsent(bin(item), b -> new double[3]);
            bin[0] += predictions[k];
            bin[1] += y;
            bin[2]++;
        }
        double sum = 0;
        double count = 0;
        for (double[] bin : bins.values()) {
            double gap = bin[0] / bin[2] - bin[1] / bin[2];
            sum += gap * gap * bin[2];
            count += bin[2];
        }
        return new Metrics(loss / predictions.length, Math.sqrt(sum / count), predictions.length);
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
