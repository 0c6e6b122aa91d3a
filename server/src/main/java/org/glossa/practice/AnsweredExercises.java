package org.glossa.practice;

import java.util.Optional;
import java.util.UUID;

/** Read access for other modules to one exercise of a learner's own session, with its answer key. */
public interface AnsweredExercises {

    /** Empty when there is no such session, it is another learner's, or it has no such exercise. */
    Optional<AnsweredExercise> find(UUID userId, UUID sessionId, String exerciseId);
}
