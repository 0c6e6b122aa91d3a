package org.glossa.fsrs;

/**
 * What FSRS knows about one memory: its stability (days until recall probability falls to 90%) and its difficulty
 * (1 easiest to 10 hardest).
 *
 * <p>Values outside the model's ranges are accepted here (imported states may carry them) and clamped by
 * {@link Fsrs} when used, as fsrs-rs does; only values no formula can use are rejected.
 */
public record MemoryState(double stability, double difficulty) {

    public MemoryState {
        if (!(stability > 0) || !Double.isFinite(stability)) {
            throw new IllegalArgumentException("stability must be a positive finite number of days, was " + stability);
        }
        if (!Double.isFinite(difficulty)) {
            throw new IllegalArgumentException("difficulty must be finite, was " + difficulty);
        }
    }
}
