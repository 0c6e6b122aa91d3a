package org.glossa.practice;

import java.time.Instant;
import java.util.UUID;

/**
 * The XP rules, owned by the module that keeps the XP ledger (gamification, which listens to practice and
 * so cannot be called by it through its own API). Practice asks when a session completes, so that the XP
 * a learner sees in the completion reply is the XP the ledger records from {@link LessonCompleted}.
 */
public interface SessionXp {

    /** When the learner's day containing {@code at} began (their time zone and day start). */
    Instant dayStart(UUID userId, Instant at);

    /**
     * The XP a completed session earns; {@code earlierSameDay} counts the learner's sessions of a kind other
     * than {@link SessionKind#LESSON} completed earlier the same day.
     */
    int xpFor(SessionKind kind, boolean perfect, int earlierSameDay);
}
