package org.glossa.gamification;

import java.util.UUID;

/**
 * What a learner's subscription grants. The billing work will provide an implementation; until a bean
 * exists, gamification answers "no" for everyone.
 */
public interface Entitlements {

    /** Learners with it never lose hearts. */
    String UNLIMITED_HEARTS = "unlimited-hearts";

    boolean has(UUID userId, String entitlement);
}
