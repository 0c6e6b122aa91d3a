package org.glossa.gamification;

import java.util.List;
import java.util.UUID;

/** The gem ledger, for the parts of gamification that reward learners (quests, achievements, leagues). */
public interface Gems {

    /** The learner's balance; never below zero. */
    int balance(UUID userId);

    /**
     * Credits every grant at most once per {@code (userId, reference)}, so a job that runs twice pays
     * once. Returns how many grants were new.
     */
    int grant(List<GemGrant> grants);

    /** {@code reference} names why, uniquely per learner: {@code "league:2026-11-16"}, {@code "quest:..."}. */
    record GemGrant(UUID userId, int amount, String reason, String reference) {
    }
}
