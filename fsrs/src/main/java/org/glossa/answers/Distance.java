package org.glossa.answers;

import java.util.Arrays;

/** Edit distances on code points, written for the checker's hot path: no allocation beyond two rows. */
final class Distance {

    private Distance() {
    }

    /**
     * Whether {@code b} is {@code a} with exactly one slip: one code point inserted, deleted or replaced, or two
     * neighbours swapped (the optimal-string-alignment distance is 1). Linear, no table.
     */
    static boolean oneSlip(int[] a, int[] b) {
        int la = a.length;
        int lb = b.length;
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        int common = Math.min(la, lb);
        while (i < common && a[i] == b[i]) {
            i++;
        }
        if (la == lb) {
            if (i == la) {
                return false; // equal: no slip at all
            }
            if (equalFrom(a, i + 1, b, i + 1)) {
                return true; // replaced
            }
            return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && equalFrom(a, i + 2, b, i + 2); // swapped
        }
        return la > lb ? equalFrom(a, i + 1, b, i) : equalFrom(a, i, b, i + 1); // deleted or inserted
    }

    private static boolean equalFrom(int[] a, int from, int[] b, int fromB) {
        if (a.length - from != b.length - fromB) {
            return false;
        }
        for (int i = from, j = fromB; i < a.length; i++, j++) {
            if (a[i] != b[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Levenshtein distance, or any value above {@code bound} as soon as the distance is known to exceed it: callers
     * looking for the closest of several answers need no exact figure for the far ones.
     */
    static int levenshtein(int[] a, int[] b, int bound) {
        if (Math.abs(a.length - b.length) > bound) {
            return bound + 1;
        }
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.min(Math.min(current[j - 1], previous[j]) + 1, previous[j - 1] + cost);
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > bound) {
                return bound + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /**
     * Levenshtein distances from one pattern of at most 64 code points to many texts, with Myers' bit-parallel
     * algorithm (Hyyrö's formulation for whole strings): one pass of a dozen word operations per text code point,
     * where the table would take a row. Made once per typed answer, used for each accepted answer.
     */
    static final class BitParallel {

        private final int length;
        private final int[] keys;
        private final long[] masks;
        private final int slots;

        BitParallel(int[] pattern) {
            if (pattern.length > 64) {
                throw new IllegalArgumentException("at most 64 code points, not " + pattern.length);
            }
            this.length = pattern.length;
            this.slots = Integer.highestOneBit(Math.max(8, pattern.length * 2)) * 2;
            this.keys = new int[slots];
            this.masks = new long[slots];
            Arrays.fill(keys, -1);
            for (int i = 0; i < pattern.length; i++) {
                int slot = slot(pattern[i]);
                keys[slot] = pattern[i];
                masks[slot] |= 1L << i;
            }
        }

        /** Open addressing: the table is at least twice the pattern, so a free slot is always near. */
        private int slot(int cp) {
            int slot = (cp * 0x9E3779B1) >>> 16 & (slots - 1);
            while (keys[slot] != -1 && keys[slot] != cp) {
                slot = (slot + 1) & (slots - 1);
            }
            return slot;
        }

        private long positions(int cp) {
            int slot = slot(cp);
            return keys[slot] == cp ? masks[slot] : 0;
        }

        int distanceTo(int[] text) {
            if (length == 0) {
                return text.length;
            }
            long last = 1L << (length - 1);
            long pv = -1L;
            long mv = 0;
            int score = length;
            for (int cp : text) {
                long eq = positions(cp);
                long xv = eq | mv;
                long xh = (((eq & pv) + pv) ^ pv) | eq;
                long ph = mv | ~(xh | pv);
                long mh = pv & xh;
                if ((ph & last) != 0) {
                    score++;
                } else if ((mh & last) != 0) {
                    score--;
                }
                ph = (ph << 1) | 1; // row 0 of the table grows by one per column: the whole text counts
                mh <<= 1;
                pv = mh | ~(xv | ph);
                mv = ph & xv;
            }
            return score;
        }
    }

    static int levenshtein(String a, String b) {
        return levenshtein(a.codePoints().toArray(), b.codePoints().toArray(), Integer.MAX_VALUE - 1);
    }
}
