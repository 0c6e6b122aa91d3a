package org.glossa.fsrs;

/** What each of the four answers would do to a card, for showing the next interval on each button. */
public record Preview(ReviewOutcome again, ReviewOutcome hard, ReviewOutcome good, ReviewOutcome easy) {

    /** The outcome of one answer. */
    public ReviewOutcome get(Rating rating) {
        return switch (rating) {
            case AGAIN -> again;
            case HARD -> hard;
            case GOOD -> good;
            case EASY -> easy;
        };
    }
}
