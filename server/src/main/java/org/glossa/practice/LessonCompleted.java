package org.glossa.practice;

import java.time.Instant;
import java.util.UUID;

/**
 * A session was completed (once, however often completion was asked for). Carries the XP it earned
 * by the documented rules; gamification keeps the ledger.
 */
public record LessonCompleted(UUID userId, UUID sessionId, UUID courseId, UUID skillId, UUID lessonId,
        SessionKind kind, int xpEarned, int correct, int total, boolean perfect, Instant completedAt) {
}
