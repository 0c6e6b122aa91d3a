package org.glossa.fsrs;

import java.util.Arrays;

/**
 * One prediction the optimizer learns from (fsrs-rs {@code FSRSItem}): a card's reviews up to and including one
 * review that came at least a day after the one before. The earlier reviews give the memory state; the last one asks
 * whether it was recalled after its elapsed days. Immutable.
 */
public final class TrainingItem {

    private final int[] elapsedDays;
    private final byte[] grades;

    /**
     * @param elapsedDays learner days before each review; the first is 0, the last at least 1
     * @param grades      the rating of each review, 1..4
     */
    public TrainingItem(int[] elapsedDays, int[] grades) {
        if (elapsedDays == null || grades == null || elapsedDays.length != grades.length) {
            throw new IllegalArgumentException("elapsed days and grades must be given for each review");
        }
        if (elapsedDays.length < 2) {
            throw new IllegalArgumentException("an item needs a history and a review to predict, got "
                + elapsedDays.length + " review(s)");
        }
        if (elapsedDays[elapsedDays.length - 1] < 1) {
            throw new IllegalArgumentException("the predicted review must come at least a day later, was "
                + elapsedDays[elapsedDays.length - 1]);
        }
        this.elapsedDays = elapsedDays.clone();
        this.grades = new byte[grades.length];
        for (int i = 0; i < grades.length; i++) {
            if (grades[i] < 1 || grades[i] > 4) {
                throw new IllegalArgumentException("rating must be 1..4, was " + grades[i] + " at review " + i);
            }
            if (elapsedDays[i] < 0) {
                throw new IllegalArgumentException("elapsed days must not be negative, was " + elapsedDays[i]
                    + " at review " + i);
            }
            this.grades[i] = (byte) grades[i];
        }
    }

    /** Number of reviews, the predicted one included. */
    public int size() {
        return grades.length;
    }

    /** Days elapsed before review {@code i}. */
    public int elapsedDays(int i) {
        return elapsedDays[i];
    }

    /** Grade (1..4) of review {@code i}. */
    public int grade(int i) {
        return grades[i];
    }

    /** Days elapsed before the predicted review. */
    public int predictedDays() {
        return elapsedDays[elapsedDays.length - 1];
    }

    /** Whether the predicted review was a recall (not Again). */
    public boolean recalled() {
        return grades[grades.length - 1] > 1;
    }

    /** Reviews with at least one elapsed day, the predicted one included. */
    public int longTermReviews() {
        int n = 0;
        for (int d : elapsedDays) {
            if (d > 0) {
                n++;
            }
        }
        return n;
    }

    /** Days before the first review that came on a later day (the first long-term review). */
    public int firstLongTermDays() {
        for (int d : elapsedDays) {
            if (d > 0) {
                return d;
            }
        }
        throw new IllegalStateException("unreachable: the predicted review is long-term");
    }

    /** Forgotten (Again) long-term reviews in the history, not counting the predicted one. */
    public int lapses() {
        int n = 0;
        for (int i = 0; i < grades.length - 1; i++) {
            if (grades[i] == 1 && elapsedDays[i] > 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingItem other && Arrays.equals(elapsedDays, other.elapsedDays)
            && Arrays.equals(grades, other.grades);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(elapsedDays) + Arrays.hashCode(grades);
    }

    @Override
    public String toString() {
        return "TrainingItem" + Arrays.toString(elapsedDays) + Arrays.toString(grades);
    }
}
