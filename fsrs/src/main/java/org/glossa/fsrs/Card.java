package org.glossa.fsrs;

import java.time.Instant;

/**
 * The scheduling state of one card (a word or phrase of one learner), immutable. {@link Scheduler#review} returns
 * the next one.
 *
 * @param state         where the card is in its life
 * @param step          index of the current (re)learning step; 0 outside steps
 * @param memory        stability and difficulty; {@code null} exactly when the card is new
 * @param due           when the card should next be reviewed
 * @param lastReview    when it was last reviewed; {@code null} exactly when the card is new
 * @param scheduledDays whole days between the last review and {@code due} (0 during steps)
 * @param reps          number of reviews so far
 * @param lapses        number of times it was forgotten after graduating (Again in Review)
 */
public record Card(CardState state, int step, MemoryState memory, Instant due, Instant lastReview,
                   int scheduledDays, int reps, int lapses) {

    public Card {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        if (due == null) {
            throw new IllegalArgumentException("due must not be null");
        }
        if ((state == CardState.NEW) != (memory == null)) {
            throw new IllegalArgumentException("a card has a memory state exactly when it is not new; state "
                + state + ", memory " + memory);
        }
        if (state != CardState.NEW && lastReview == null) {
            throw new IllegalArgumentException("a " + state + " card needs its last review time");
        }
        if (step < 0 || scheduledDays < 0 || reps < 0 || lapses < 0) {
            throw new IllegalArgumentException("step, scheduledDays, reps and lapses must not be negative, were "
                + step + ", " + scheduledDays + ", " + reps + ", " + lapses);
        }
    }

    /** A card never reviewed, due at {@code due}. */
    public static Card newCard(Instant due) {
        return new Card(CardState.NEW, 0, null, due, null, 0, 0, 0);
    }
}
