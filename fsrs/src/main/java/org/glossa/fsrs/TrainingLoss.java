package org.glossa.fsrs;

import java.util.List;

/**
 * The optimizer's objective for one item and its exact gradient, by hand-written reverse-mode differentiation of the
 * FSRS-6 step (as fsrs-rs {@code src/analytic.rs}): binary cross-entropy between the retrievability predicted from the
 * item's history and whether the last review was recalled. Branches that are not smooth (clamps, the lapse ceiling,
 * the floor of same-day success) are differentiated on the side the forward pass took. Double precision throughout.
 *
 * <p>Not thread-safe: it keeps per-step caches to avoid allocating in the inner loop. Use one per thread.
 */
final class TrainingLoss {

    private static final double MIN_P = 1e-7;
    private static final double MAX_P = 1 - 1e-7;
    private static final double LN_09 = Math.log(0.9);

    private static final int SHORT = 0;
    private static final int FAILURE_FLOOR = 1;
    private static final int FAILURE = 2;
    private static final int SUCCESS = 3;

    // constants of the current weights, recomputed only when the weights change
    private final double[] preparedFor = new double[Parameters.COUNT];
    private boolean prepared;
    private double decay;
    private double factor;
    private double easyD;
    private double expW8;
    private double floorDivisor;
    private final double[] shortFactor = new double[5];
    private final double[] initD = new double[5];

    // per-step caches of the forward pass, so that the backward pass needs no transcendental functions
    private double[] lnS = new double[16];
    private double[] sPowW9 = new double[16];
    private double[] expE = new double[16];
    private double[] lnBase = new double[16];
    private double[] lastS = new double[16];
    private double[] lastD = new double[16];
    private double[] retr = new double[16];
    private double[] preS = new double[16];
    private double[] preD = new double[16];
    private double[] aux = new double[16];
    private int[] branch = new int[16];
    private double stepS;
    private double stepD;

    /**
     * Adds {@code weight · BCE} of the item to the returned loss and its gradient with respect to {@code w} into
     * {@code grad} (if not null).
     */
    double lossAndGradient(double[] w, TrainingItem item, double weight, double[] grad) {
        int h = item.size() - 1;
        ensureCapacity(h);
        prepare(w);
        double s = 0;
        double d = 0;
        for (int i = 0; i < h; i++) {
            step(w, i, s, d, item.elapsedDays(i), item.grade(i));
            s = stepS;
            d = stepD;
        }
        int t = item.predictedDays();
        double base = 1 + factor * t / s;
        double lnFinalBase = Math.log(base);
        double rRaw = Math.exp(decay * lnFinalBase);
        double p = Math.min(Math.max(rRaw, MIN_P), MAX_P);
        double y = item.recalled() ? 1 : 0;
        double loss = -weight * (y * Math.log(p) + (1 - y) * Math.log(1 - p));
        if (grad == null || !(rRaw > MIN_P && rRaw < MAX_P)) {
            return loss;
        }
        double gR = -weight * (y / p - (1 - y) / (1 - p));
        double gS = curveBackward(w, gR, rRaw, base, lnFinalBase, t, s, grad);
        double gD = 0;
        for (int i = h - 1; i >= 0; i--) {
            int g = item.grade(i);
            double gPreS = inside(preS[i], Fsrs.S_MIN, Fsrs.S_MAX) ? gS : 0;
            double gPreD = inside(preD[i], Fsrs.D_MIN, Fsrs.D_MAX) ? gD : 0;
            if (i == 0) {
                grad[g - 1] += gPreS;
                grad[4] += gPreD;
                grad[5] += gPreD * -(g - 1) * (w[4] + 1 - initD[g]);
                break;
            }
            double ls = lastS[i];
            double ld = lastD[i];
            double r = retr[i];
            double gLastS = 0;
            double gLastD = 0;
            double gRetr = 0;
            if (gPreS != 0) {
                switch (branch[i]) {
                    case SHORT -> {
                        double raw = aux[i];
                        boolean floored = g >= 2 && raw < 1;
                        if (floored) {
                            gLastS += gPreS;
                        } else {
                            double q = g - 3 + w[18];
                            grad[17] += gPreS * ls * raw * q;
                            grad[18] += gPreS * ls * raw * w[17];
                            grad[19] += gPreS * ls * raw * -lnS[i];
                            gLastS += gPreS * (raw - w[19] * raw);
                        }
                    }
                    case FAILURE_FLOOR -> {
                        double floor = ls / floorDivisor;
                        grad[17] += gPreS * floor * -w[18];
                        grad[18] += gPreS * floor * -w[17];
                        gLastS += gPreS * floor / ls;
                    }
                    case FAILURE -> {
                        double p13 = Math.pow(ls + 1, w[13]);
                        double dPow = Math.pow(ld, -w[12]);
                        double er = Math.exp((1 - r) * w[14]);
                        double raw = w[11] * dPow * (p13 - 1) * er;
                        grad[11] += gPreS * dPow * (p13 - 1) * er;
                        grad[12] += gPreS * raw * -Math.log(ld);
                        grad[13] += gPreS * w[11] * dPow * er * p13 * Math.log(ls + 1);
                        grad[14] += gPreS * raw * (1 - r);
                        gLastS += gPreS * w[11] * dPow * er * w[13] * p13 / (ls + 1);
                        gLastD += gPreS * raw * (-w[12] / ld);
                        gRetr += gPreS * raw * -w[14];
                    }
                    default -> {
                        double a = expW8;
                        double b = 11 - ld;
                        double cs = sPowW9[i];
                        double ee = expE[i];
                        double e = ee - 1;
                        double hp = g == 2 ? w[15] : 1;
                        double eb = g == 4 ? w[16] : 1;
                        double inc = a * b * cs * e * hp * eb;
                        double gInc = gPreS * ls;
                        gLastS += gPreS * (1 + inc) - gInc * inc * w[9] / ls;
                        gLastD += -gInc * a * cs * e * hp * eb;
                        gRetr += gInc * a * b * cs * hp * eb * (-w[10] * ee);
                        grad[8] += gInc * inc;
                        grad[9] += gInc * inc * -lnS[i];
                        grad[10] += gInc * a * b * cs * hp * eb * (1 - r) * ee;
                        if (g == 2) {
                            grad[15] += gInc * a * b * cs * e * eb;
                        } else if (g == 4) {
                            grad[16] += gInc * a * b * cs * e * hp;
                        }
                    }
                }
            }
            if (gPreD != 0) {
                double delta = -w[6] * (g - 3);
                double next = ld + (10 - ld) * delta / 9;
                grad[7] += gPreD * (easyD - next);
                grad[4] += gPreD * w[7];
                grad[5] += gPreD * w[7] * -3 * (w[4] + 1 - easyD);
                double gNext = gPreD * (1 - w[7]);
                grad[6] += gNext * (10 - ld) * -(g - 3) / 9;
                gLastD += gNext * (1 - delta / 9);
            }
            if (gRetr != 0) {
                int ti = item.elapsedDays(i);
                gLastS += curveBackward(w, gRetr, r, 1 + factor * ti / ls, lnBase[i], ti, ls, grad);
            }
            gS = gLastS;
            gD = gLastD;
        }
        return loss;
    }

    /**
     * One review of the forward pass from state (s, d), review {@code i} of the history (0 initialises); leaves the
     * clamped new state in {@link #stepS} and {@link #stepD} and what the backward pass needs at index {@code i}.
     */
    private void step(double[] w, int i, double s, double d, int t, int g) {
        double newS;
        double newD;
        if (i == 0) {
            newS = w[g - 1];
            newD = initD[g];
        } else {
            lastS[i] = s;
            lastD[i] = d;
            double ln = Math.log(s);
            lnS[i] = ln;
            if (t == 0) {
                // same day: retrievability is 1 and plays no part
                double raw = shortFactor[g] * Math.exp(-w[19] * ln);
                aux[i] = raw;
                branch[i] = SHORT;
                newS = s * (g >= 2 ? Math.max(raw, 1) : raw);
            } else {
                double lb = Math.log(1 + factor * t / s);
                lnBase[i] = lb;
                double r = Math.exp(decay * lb);
                retr[i] = r;
                if (g == 1) {
                    double raw = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1)
                        * Math.exp((1 - r) * w[14]);
                    double floor = s / floorDivisor;
                    if (floor < raw) {
                        branch[i] = FAILURE_FLOOR;
                        newS = floor;
                    } else {
                        branch[i] = FAILURE;
                        newS = raw;
                    }
                } else {
                    double cs = Math.exp(-w[9] * ln);
                    double em1 = Math.expm1((1 - r) * w[10]);
                    sPowW9[i] = cs;
                    expE[i] = em1 + 1;
                    double inc = expW8 * (11 - d) * cs * em1 * (g == 2 ? w[15] : 1) * (g == 4 ? w[16] : 1);
                    branch[i] = SUCCESS;
                    newS = s * (1 + inc);
                }
            }
            double next = d + (10 - d) * (-w[6] * (g - 3)) / 9;
            newD = w[7] * (easyD - next) + next;
        }
        preS[i] = newS;
        preD[i] = newD;
        stepS = Math.min(Math.max(newS, Fsrs.S_MIN), Fsrs.S_MAX);
        stepD = Math.min(Math.max(newD, Fsrs.D_MIN), Fsrs.D_MAX);
    }

    /**
     * The loss of each item, without gradient, computing the state after each distinct history only once (items of
     * one card share their histories' prefixes). Bit for bit what {@link #lossAndGradient} gives for each item.
     */
    void losses(double[] w, Prefixes prefixes, List<TrainingItem> items, double[] weights, double[] out) {
        prepare(w);
        ensureCapacity(2);
        double[] s = prefixes.stability;
        double[] d = prefixes.difficulty;
        for (int n = 0; n < prefixes.parent.length; n++) {
            int p = prefixes.parent[n];
            // index 0 initialises, any other index is a later review; the caches written there are not used
            step(w, p < 0 ? 0 : 1, p < 0 ? 0 : s[p], p < 0 ? 0 : d[p], prefixes.days[n], prefixes.grade[n]);
            s[n] = stepS;
            d[n] = stepD;
        }
        for (int k = 0; k < out.length; k++) {
            TrainingItem item = items.get(k);
            double sk = s[prefixes.itemNode[k]];
            int t = item.predictedDays();
            double base = 1 + factor * t / sk;
            double lnFinalBase = Math.log(base);
            double rRaw = Math.exp(decay * lnFinalBase);
            double p = Math.min(Math.max(rRaw, MIN_P), MAX_P);
            double y = item.recalled() ? 1 : 0;
            out[k] = -weights[k] * (y * Math.log(p) + (1 - y) * Math.log(1 - p));
        }
    }

    /** The distinct history prefixes of a list of items, parents before children. */
    static final class Prefixes {
        final int[] parent;
        final int[] days;
        final int[] grade;
        final int[] itemNode;
        final double[] stability;
        final double[] difficulty;

        Prefixes(List<TrainingItem> items) {
            java.util.HashMap<Long, Integer> children = new java.util.HashMap<>();
            IntList parents = new IntList();
            IntList dayList = new IntList();
            IntList gradeList = new IntList();
            itemNode = new int[items.size()];
            for (int k = 0; k < items.size(); k++) {
                TrainingItem item = items.get(k);
                int node = -1;
                for (int i = 0; i < item.size() - 1; i++) {
                    long key = ((long) (node + 1) << 32) | ((long) item.elapsedDays(i) << 3) | item.grade(i);
                    Integer child = children.get(key);
                    if (child == null) {
                        child = parents.size();
                        children.put(key, child);
                        parents.add(node);
                        dayList.add(item.elapsedDays(i));
                        gradeList.add(item.grade(i));
                    }
                    node = child;
                }
                itemNode[k] = node;
            }
            parent = parents.toArray();
            days = dayList.toArray();
            grade = gradeList.toArray();
            stability = new double[parent.length];
            difficulty = new double[parent.length];
        }
    }

    /** A growable int array, to build prefixes without boxing every element. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** Adds dR/dw20 · gR to grad[20] and returns dR/ds · gR. */
    private double curveBackward(double[] w, double gR, double r, double base, double lnBase, double t, double s,
                                 double[] grad) {
        double w20 = w[20];
        double dFactor = (factor + 1) * LN_09 / (w20 * w20);
        grad[20] += gR * r * (-lnBase + decay / base * t / s * dFactor);
        return gR * r * decay / base * (-t * factor / (s * s));
    }

    /** Computes the constants of {@code w} unless they are those of the previous call. */
    private void prepare(double[] w) {
        if (prepared && java.util.Arrays.equals(w, preparedFor)) {
            return;
        }
        System.arraycopy(w, 0, preparedFor, 0, Parameters.COUNT);
        prepared = true;
        decay = -w[20];
        factor = Math.exp(LN_09 / decay) - 1;
        easyD = w[4] - Math.exp(3 * w[5]) + 1;
        expW8 = Math.exp(w[8]);
        floorDivisor = Math.exp(w[17] * w[18]);
        for (int g = 1; g <= 4; g++) {
            shortFactor[g] = Math.exp(w[17] * (g - 3 + w[18]));
            initD[g] = w[4] - Math.exp(w[5] * (g - 1)) + 1;
        }
    }

    private static boolean inside(double x, double lo, double hi) {
        return x > lo && x < hi;
    }

    private void ensureCapacity(int n) {
        if (lastS.length < n) {
            int size = Math.max(n, lastS.length * 2);
            lnS = new double[size];
            sPowW9 = new double[size];
            expE = new double[size];
            lnBase = new double[size];
            lastS = new double[size];
            lastD = new double[size];
            retr = new double[size];
            preS = new double[size];
            preD = new double[size];
            aux = new double[size];
            branch = new int[size];
        }
    }
}
