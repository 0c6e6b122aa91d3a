package org.glossa.practice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A learner answered one exercise; the items it tested, the verdict and how long the learner took
 * (when the client says: {@code durationMs} may be null) feed the memory model.
 */
public record ExerciseAnswered(UUID userId, UUID sessionId, UUID courseId, String exerciseId, String exerciseType,
        List<UUID> itemIds, String verdict, boolean correct, Integer durationMs, Instant answeredAt) {
}
