package org.glossa.generation;

import java.util.UUID;

/**
 * What a learner's subscription grants to generation. Billing will provide a bean; until one exists,
 * the answer is "no" for everyone and the daily explanation limit applies to all.
 */
public interface GenerationEntitlements {

    /** Learners with it may ask for any number of explanations a day. */
    String UNLIMITED_EXPLANATIONS = "unlimited-explanations";

    boolean has(UUID userId, String entitlement);
}
