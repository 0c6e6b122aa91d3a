package org.glossa.practice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A learner answered one exercise; the items it tested and the verdict feed the memory model. */
public record ExerciseAnswered(UUID userId, UUID sessionId, UUID courseId, String exerciseId, String exerciseType,
        List<UUID> itemIds, String verdict, boolean correct, Instant answeredAt) {
}
