package org.glossa.fsrs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Fits the 21 FSRS-6 parameters to one learner's reviews, as fsrs-rs 6.5 {@code compute_parameters} does:
 * <ol>
 *   <li>outlier filter on groups of (first rating, days before the first long-term review), fsrs-rs
 *       {@code prepare_training_data};</li>
 *   <li>initial stabilities w0..w3 pre-trained from items whose predicted review is the first long-term one, then
 *       smoothed and filled in for ratings never seen ({@code pre_training.rs});</li>
 *   <li>with fewer than 8 training items the defaults, with fewer than 64 only the pre-trained w0..w3;</li>
 *   <li>otherwise Adam (lr 0.04, β 0.9/0.999, ε 1e-8) with cosine annealing over {@code (n/512 + 1)·epochs} steps,
 *       batches of 512 items sorted by length and visited in a seeded random order, weighted binary cross-entropy with
 *       recency weights {@code 0.25 + 0.75·(i/(n-1))³} plus the L2 pull {@code γ·batch/n·Σ((w - w_init)/σ)²},
 *       parameters clipped after every step, the epoch with the lowest training loss kept.</li>
 * </ol>
 * Gradients are exact ({@link TrainingLoss}). The batch order comes from {@link java.util.Random} with the seed, not
 * from Rust's generator, so results match fsrs-rs in quality, not bit for bit. Single-threaded and deterministic;
 * interrupting the calling thread stops it with a {@link java.util.concurrent.CancellationException}.
 */
public final class Optimizer {

    /** fsrs-rs {@code PARAMS_STDDEV}: how far each weight usually strays from its default. */
    static final double[] PARAMS_STDDEV = {6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3,
        0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27};

    private static final double INIT_S_MIN = 0.1;
    private static final double INIT_S_MAX = 100;

    /**
     * Training settings; {@link #defaults()} are fsrs-rs's.
     *
     * @param shortTerm       whether same-day reviews count (off freezes w0..w3 and w17..w19, as fsrs-rs)
     * @param relearningSteps the scheduler's relearning steps, for clipping w17/w18
     */
    public record Settings(int epochs, int batchSize, double learningRate, long seed, int maxSeqLen, double gamma,
                           boolean shortTerm, int relearningSteps) {
        public Settings {
            if (epochs < 1 || batchSize < 1 || maxSeqLen < 2 || relearningSteps < 0) {
                throw new IllegalArgumentException("epochs, batch size, max sequence length and relearning steps "
                    + "must be positive, were " + epochs + ", " + batchSize + ", " + maxSeqLen + ", "
                    + relearningSteps);
            }
            if (!(learningRate > 0) || !(gamma >= 0)) {
                throw new IllegalArgumentException("learning rate must be positive and gamma not negative, were "
                    + learningRate + " and " + gamma);
            }
        }

        public static Settings defaults() {
            return new Settings(5, 512, 0.04, 2023, 256, 1.0, true, 1);
        }
    }

    /**
     * The fitted parameters and what they were fitted on.
     *
     * @param trainItems items left for training after the outlier filter
     * @param pretrainItems items the initial stabilities were fitted on
     * @param trained    whether gradient descent ran (false: defaults or pre-trained w0..w3 only)
     */
    public record Result(Parameters parameters, int trainItems, int pretrainItems, boolean trained) {
    }

    private final Settings settings;

    public Optimizer(Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
    }

    public Optimizer() {
        this(Settings.defaults());
    }

    /**
     * Fits parameters to {@code items}, which must be ordered by the time of their predicted review (as
     * {@link ReviewLog#items} returns them) for the recency weights to mean anything.
     */
    public Result optimize(List<TrainingItem> items) {
        if (items == null) {
            throw new IllegalArgumentException("items must not be null");
        }
        double averageRecall = items.stream().filter(TrainingItem::recalled).count()
            / (double) Math.max(1, items.size());
        Prepared prepared = prepare(items);
        double[] defaults = Parameters.DEFAULT.toArray();
        if (prepared.train.size() < 8) {
            return new Result(Parameters.DEFAULT, prepared.train.size(), prepared.pretrain.size(), false);
        }
        Pretrained pre = pretrain(prepared.pretrain, averageRecall);
        double[] initial = defaults.clone();
        System.arraycopy(pre.stability, 0, initial, 0, 4);
        if (prepared.train.size() == prepared.pretrain.size() || prepared.train.size() < 64) {
            return new Result(Parameters.of(initial), prepared.train.size(), prepared.pretrain.size(), false);
        }
        List<TrainingItem> train = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double length = Math.max(prepared.train.size() - 1, 1);
        for (int i = 0; i < prepared.train.size(); i++) {
            TrainingItem item = prepared.train.get(i);
            if (item.size() <= settings.maxSeqLen()) {
                train.add(item);
                weights.add(0.25 + 0.75 * Math.pow(i / length, 3));
            }
        }
        double[] fitted = train(train, weights.stream().mapToDouble(Double::doubleValue).toArray(), initial);
        Map<Integer, Double> stabilities = new HashMap<>();
        for (int g = 1; g <= 4; g++) {
            stabilities.put(g, fitted[g - 1]);
        }
        double[] smoothed = smoothAndFill(stabilities, pre.counts);
        System.arraycopy(smoothed, 0, fitted, 0, 4);
        return new Result(Parameters.of(fitted), prepared.train.size(), prepared.pretrain.size(), true);
    }

    // ---- outlier filter (fsrs-rs dataset.rs) -----------------------------------------------------------------------

    record Prepared(List<TrainingItem> pretrain, List<TrainingItem> train) {
    }

    static Prepared prepare(List<TrainingItem> items) {
        // first rating -> days before the first long-term review -> indices of first-long-term items
        Map<Integer, Map<Integer, List<Integer>>> groups = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            TrainingItem item = items.get(i);
            if (item.longTermReviews() == 1) {
                groups.computeIfAbsent(item.grade(0), k -> new HashMap<>())
                    .computeIfAbsent(item.predictedDays(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Integer> kept = new ArrayList<>();
        Map<Integer, java.util.Set<Integer>> removed = new HashMap<>();
        for (Map.Entry<Integer, Map<Integer, List<Integer>>> byRating : groups.entrySet()) {
            int rating = byRating.getKey();
            List<Map.Entry<Integer, List<Integer>>> sub = new ArrayList<>(byRating.getValue().entrySet());
            // descending by size, then by days; visited in reverse (smallest groups first)
            sub.sort((a, b) -> a.getValue().size() != b.getValue().size()
                ? Integer.compare(b.getValue().size(), a.getValue().size()) : Integer.compare(b.getKey(), a.getKey()));
            int total = sub.stream().mapToInt(e -> e.getValue().size()).sum();
            int removedCount = 0;
            for (int k = sub.size() - 1; k >= 0; k--) {
                int days = sub.get(k).getKey();
                List<Integer> indices = sub.get(k).getValue();
                // drop the rarest 5% (at least 20 items) of each first rating, and groups too small or too late
                if (removedCount + indices.size() >= Math.max(20, total / 20)) {
                    if (indices.size() >= 6 && days <= (rating != 4 ? 100 : 365)) {
                        kept.addAll(indices);
                    } else {
                        removed.computeIfAbsent(rating, r -> new java.util.HashSet<>()).add(days);
                    }
                } else {
                    removedCount += indices.size();
                    removed.computeIfAbsent(rating, r -> new java.util.HashSet<>()).add(days);
                }
            }
        }
        List<TrainingItem> pretrain = kept.stream().map(items::get).toList();
        List<TrainingItem> train = items.stream()
            .filter(item -> !removed.getOrDefault(item.grade(0), Collections.emptySet())
                .contains(item.firstLongTermDays()))
            .toList();
        return new Prepared(pretrain, train);
    }

    // ---- initial stability (fsrs-rs pre_training.rs) -------------------------------------------------------------

    private record Pretrained(double[] stability, Map<Integer, Integer> counts) {
    }

    private static Pretrained pretrain(List<TrainingItem> items, double averageRecall) {
        // first rating -> days -> {recalled, count}
        Map<Integer, TreeMap<Integer, int[]>> groups = new TreeMap<>();
        for (TrainingItem item : items) {
            int[] cell = groups.computeIfAbsent(item.grade(0), k -> new TreeMap<>())
                .computeIfAbsent(item.predictedDays(), k -> new int[2]);
            cell[0] += item.recalled() ? 1 : 0;
            cell[1]++;
        }
        Map<Integer, Double> stabilities = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        double w20 = Parameters.DEFAULT.decay();
        for (Map.Entry<Integer, TreeMap<Integer, int[]>> byRating : groups.entrySet()) {
            int rating = byRating.getKey();
            int n = byRating.getValue().values().stream().mapToInt(c -> c[1]).sum();
            counts.put(rating, n);
            int m = byRating.getValue().size();
            double[] days = new double[m];
            double[] recall = new double[m];
            double[] count = new double[m];
            int j = 0;
            for (Map.Entry<Integer, int[]> e : byRating.getValue().entrySet()) {
                days[j] = e.getKey();
                // Laplace smoothing towards the learner's average recall
                recall[j] = ((double) e.getValue()[0] / e.getValue()[1] * n + averageRecall) / (n + 1);
                count[j] = e.getValue()[1];
                j++;
            }
            double defaultS0 = Parameters.DEFAULT.get(rating - 1);
            double low = INIT_S_MIN;
            double high = INIT_S_MAX;
            double optimal = 1;
            for (int iter = 0; high - low > 1.1920929e-7 && iter < 1000; iter++) {
                double mid1 = low + (high - low) / 3;
                double mid2 = high - (high - low) / 3;
                if (pretrainLoss(days, recall, count, mid1, defaultS0, w20)
                    < pretrainLoss(days, recall, count, mid2, defaultS0, w20)) {
                    high = mid2;
                } else {
                    low = mid1;
                }
                optimal = (high + low) / 2;
            }
            stabilities.put(rating, optimal);
        }
        if (stabilities.isEmpty()) {
            return new Pretrained(Arrays.copyOf(Parameters.DEFAULT.toArray(), 4), counts);
        }
        return new Pretrained(smoothAndFill(stabilities, counts), counts);
    }

    private static double pretrainLoss(double[] days, double[] recall, double[] count, double s0, double defaultS0,
                                       double w20) {
        double loss = 0;
        for (int i = 0; i < days.length; i++) {
            double r = Fsrs.retrievability(days[i], s0, w20);
            loss -= (recall[i] * Math.log(r) + (1 - recall[i]) * Math.log(1 - r)) * Math.sqrt(count[i]);
        }
        return loss + Math.abs(s0 - defaultS0) / 16;
    }

    /**
     * Makes initial stabilities increase with the rating (the better-supported of two out-of-order values wins) and
     * fills in ratings without data by fsrs-rs's geometric interpolation.
     */
    static double[] smoothAndFill(Map<Integer, Double> stability, Map<Integer, Integer> counts) {
        Map<Integer, Double> s = new HashMap<>(stability);
        int[][] pairs = {{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}};
        for (int[] pair : pairs) {
            Double small = s.get(pair[0]);
            Double big = s.get(pair[1]);
            if (small != null && big != null && small > big) {
                if (counts.getOrDefault(pair[0], 0) > counts.getOrDefault(pair[1], 0)) {
                    s.put(pair[1], small);
                } else {
                    s.put(pair[0], big);
                }
            }
        }
        double w1 = 3.0 / 5;
        double w2 = 3.0 / 5;
        Double r1 = s.get(1);
        Double r2 = s.get(2);
        Double r3 = s.get(3);
        Double r4 = s.get(4);
        double[] out = new double[4];
        switch (s.size()) {
            case 1 -> {
                int rating = s.keySet().iterator().next();
                double factor = s.get(rating) / Parameters.DEFAULT.get(rating - 1);
                for (int g = 0; g < 4; g++) {
                    out[g] = Parameters.DEFAULT.get(g) * factor;
                }
                return clampInit(out);
            }
            case 2 -> {
                if (r1 == null && r2 == null) {
                    r2 = Math.pow(r3, 1 / (1 - w2)) * Math.pow(r4, 1 - 1 / (1 - w2));
                    r1 = Math.pow(r2, 1 / w1) * Math.pow(r3, 1 - 1 / w1);
                } else if (r1 == null && r3 == null) {
                    r3 = Math.pow(r2, 1 - w2) * Math.pow(r4, w2);
                    r1 = Math.pow(r2, 1 / w1) * Math.pow(r3, 1 - 1 / w1);
                } else if (r1 == null && r4 == null) {
                    r4 = Math.pow(r2, 1 - 1 / w2) * Math.pow(r3, 1 / w2);
                    r1 = Math.pow(r2, 1 / w1) * Math.pow(r3, 1 - 1 / w1);
                } else if (r2 == null && r3 == null) {
                    double k = w1 + w2 - w1 * w2;
                    r2 = Math.pow(r1, w1 / k) * Math.pow(r4, 1 - w1 / k);
                    r3 = Math.pow(r1, 1 - w2 / k) * Math.pow(r4, w2 / k);
                } else if (r2 == null && r4 == null) {
                    r2 = Math.pow(r1, w1) * Math.pow(r3, 1 - w1);
                    r4 = Math.pow(r2, 1 - 1 / w2) * Math.pow(r3, 1 / w2);
                } else if (r3 == null && r4 == null) {
                    r3 = Math.pow(r1, 1 - 1 / (1 - w1)) * Math.pow(r2, 1 / (1 - w1));
                    r4 = Math.pow(r2, 1 - 1 / w2) * Math.pow(r3, 1 / w2);
                }
            }
            case 3 -> {
                if (r1 == null) {
                    r1 = Math.pow(r2, 1 / w1) * Math.pow(r3, 1 - 1 / w1);
                } else if (r2 == null) {
                    r2 = Math.pow(r1, w1) * Math.pow(r3, 1 - w1);
                } else if (r3 == null) {
                    r3 = Math.pow(r2, 1 - w2) * Math.pow(r4, w2);
                } else if (r4 == null) {
                    r4 = Math.pow(r2, 1 - 1 / w2) * Math.pow(r3, 1 / w2);
                }
            }
            case 4 -> { }
            default -> throw new IllegalArgumentException("no initial stability to smooth");
        }
        out[0] = r1;
        out[1] = r2;
        out[2] = r3;
        out[3] = r4;
        return clampInit(out);
    }

    private static double[] clampInit(double[] s) {
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.min(Math.max(s[i], INIT_S_MIN), INIT_S_MAX);
        }
        return s;
    }

    // ---- gradient descent (fsrs-rs training.rs) ----------------------------------------------------------------

    private double[] train(List<TrainingItem> items, double[] weights, double[] initial) {
        int n = items.size();
        int batchSize = settings.batchSize();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // fsrs-rs batches items of similar length together, then shuffles the batches every epoch
        Arrays.sort(order, (a, b) -> Integer.compare(items.get(a).size(), items.get(b).size()));
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            int[] batch = new int[end - start];
            for (int i = start; i < end; i++) {
                batch[i - start] = order[i];
            }
            batches.add(batch);
        }
        int totalSteps = (n / batchSize + 1) * settings.epochs();
        Random random = new Random(settings.seed());
        TrainingLoss loss = new TrainingLoss();
        // the end-of-epoch loss needs no gradient, so it can share the states of histories common to several items
        TrainingLoss.Prefixes prefixes = new TrainingLoss.Prefixes(items);
        double[] itemLosses = new double[n];
        Adam adam = new Adam(settings.learningRate());
        double[] w = initial.clone();
        double[] grad = new double[Parameters.COUNT];
        double[] best = w.clone();
        double bestLoss = Double.POSITIVE_INFINITY;
        int step = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            List<int[]> shuffled = new ArrayList<>(batches);
            Collections.shuffle(shuffled, random);
            for (int[] batch : shuffled) {
                // a background job cancels by interrupting its thread; the flag stays set for the caller to see
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("optimization interrupted");
                }
                step++;
                double lr = settings.learningRate() * (1 + Math.cos(Math.PI * step / totalSteps)) / 2;
                Arrays.fill(grad, 0);
                for (int i : batch) {
                    loss.lossAndGradient(w, items.get(i), weights[i], grad);
                }
                addL2Gradient(w, initial, settings.gamma() * batch.length / n, grad);
                freeze(grad);
                adam.step(w, grad, lr);
                double[] clipped = Parameters.clip(w, settings.relearningSteps(), settings.shortTerm());
                System.arraycopy(clipped, 0, w, 0, w.length);
            }
            loss.losses(w, prefixes, items, weights, itemLosses);
            double epochLoss = 0;
            for (int[] batch : batches) {
                for (int i : batch) {
                    epochLoss += itemLosses[i];
                }
                epochLoss += l2Penalty(w, initial, settings.gamma() * batch.length / n);
            }
            if (epochLoss < bestLoss) {
                bestLoss = epochLoss;
                best = w.clone();
            }
        }
        return best;
    }

    private void freeze(double[] grad) {
        if (!settings.shortTerm()) {
            Arrays.fill(grad, 0, 4, 0);
            Arrays.fill(grad, 17, 20, 0);
        }
    }

    /** {@code scale·Σ((w - w0)/σ)²}, scale = γ·batch/total. */
    static double l2Penalty(double[] w, double[] initial, double scale) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double z = (w[i] - initial[i]) / PARAMS_STDDEV[i];
            sum += z * z;
        }
        return scale * sum;
    }

    static void addL2Gradient(double[] w, double[] initial, double scale, double[] grad) {
        for (int i = 0; i < w.length; i++) {
            grad[i] += 2 * scale * (w[i] - initial[i]) / (PARAMS_STDDEV[i] * PARAMS_STDDEV[i]);
        }
    }

    /** Adam as burn implements it (bias-corrected moments, no weight decay). */
    static final class Adam {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-8;

        private final double[] m = new double[Parameters.COUNT];
        private final double[] v = new double[Parameters.COUNT];
        private int t;

        Adam(double learningRate) {
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning rate must be positive, was " + learningRate);
            }
        }

        void step(double[] w, double[] grad, double lr) {
            t++;
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            for (int i = 0; i < w.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
                w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
            }
        }
    }
}
