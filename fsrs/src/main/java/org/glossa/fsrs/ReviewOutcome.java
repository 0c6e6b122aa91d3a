package org.glossa.fsrs;

import java.time.Instant;

/**
 * The result of one review: the card as it is afterwards, and what happened (the review-log entry).
 *
 * @param card          the card after the review
 * @param rating        the answer given
 * @param reviewedAt    when it was given
 * @param previousState the card's state before the review
 * @param elapsedDays   learner days since the previous review (0 for a new card)
 */
public record ReviewOutcome(Card card, Rating rating, Instant reviewedAt, CardState previousState, long elapsedDays) {
}
