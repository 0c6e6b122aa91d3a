package org.glossa.practice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A learner answered one exercise; the items it tested, the verdict and how long the learner took
 * (when the client says: {@code durationMs} may be null) feed the memory model. {@code kind} is the
 * session's kind (null in events stored before it was added).
 */
public record ExerciseAnswered(UUID userId, UUID sessionId, UUID courseId, String exerciseId, String exerciseType,
        List<UUID> itemIds, String verdict, boolean correct, Integer durationMs, Instant answeredAt,
        SessionKind kind) {

    public ExerciseAnswered(UUID userId, UUID sessionId, UUID courseId, String exerciseId, String exerciseType,
            List<UUID> itemIds, String verdict, boolean correct, Integer durationMs, Instant answeredAt) {
        this(userId, sessionId, courseId, exerciseId, exerciseType, itemIds, verdict, correct, durationMs, answeredAt,
                null);
    }
}
