package org.glossa.practice;

import java.util.UUID;

/** What other modules may read of a learner's progress along their courses. */
public interface LearnerProgress {

    /** Skills completed (every lesson of them done at least once) across the learner's courses. */
    int skillsCompleted(UUID userId);
}
