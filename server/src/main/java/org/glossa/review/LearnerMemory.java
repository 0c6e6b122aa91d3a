package org.glossa.review;

import java.util.UUID;
import org.glossa.shared.runtime.Statements;

/** What other modules may read of a learner's memory: their day start, and how many items they have met. */
public interface LearnerMemory {

    /** The hour (0-23, local time) at which the learner's day starts; 4 by default. */
    int dayStartHour(UUID userId);

    /** How many words and phrases the learner has met (each a memory item). */
    long itemsMet(UUID userId);

    /** Both at once, in one read added to the caller's batch of statements (one round trip with its own reads). */
    Statements.Pending<Summary> summary(Statements batch, UUID userId);

    /** The learner's day start hour and how many items they have met. */
    record Summary(int dayStartHour, long itemsMet) {
    }
}
