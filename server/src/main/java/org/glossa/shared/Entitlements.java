package org.glossa.shared;

import java.util.Set;
import java.util.UUID;

/**
 * What a learner is entitled to beyond the free tier. Identity stores the grants (an admin's, or later a
 * subscription's); gamification and generation ask. One bean, always present: without a grant the answer is no.
 */
public interface Entitlements {

    /** Learners with it never lose hearts. */
    String UNLIMITED_HEARTS = "unlimited-hearts";

    /** Learners with it may ask for any number of answer explanations a day. */
    String UNLIMITED_EXPLANATIONS = "unlimited-explanations";

    /** Every entitlement a grant may name. */
    Set<String> KNOWN = Set.of(UNLIMITED_HEARTS, UNLIMITED_EXPLANATIONS);

    boolean has(UUID userId, String entitlement);
}
