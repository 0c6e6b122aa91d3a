package org.glossa.identity;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in caller of a request, checked against the database on every request (so a disabled
 * account or a revoked session stops working at once). Controllers take it with
 * {@code @AuthenticationPrincipal CurrentUser user}.
 */
public record CurrentUser(UUID id, Set<Role> roles, UUID sessionId) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
