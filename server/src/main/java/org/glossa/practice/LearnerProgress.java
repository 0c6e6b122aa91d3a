package org.glossa.practice;

import java.util.UUID;
import org.glossa.shared.runtime.Statements;

/** What other modules may read of a learner's progress along their courses. */
public interface LearnerProgress {

    /** Skills completed (every lesson of them done at least once) across the learner's courses. */
    int skillsCompleted(UUID userId);

    /** The same count, added to the caller's batch of statements (one round trip with the caller's own reads). */
    Statements.Pending<Integer> skillsCompleted(Statements batch, UUID userId);
}
