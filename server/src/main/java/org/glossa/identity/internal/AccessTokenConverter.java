package org.glossa.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.glossa.identity.CurrentUser;
import org.glossa.identity.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/** Turns a verified access token into the current user, checking that its session is still open. */
@Component
class AccessTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ActiveSessions sessions;

    AccessTokenConverter(ActiveSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID userId;
        UUID sessionId;
        try {
            userId = UUID.fromString(jwt.getSubject());
            sessionId = UUID.fromString(jwt.getClaimAsString("sid"));
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("The access token is not one of ours.");
        }
        Set<Role> roles = sessions.rolesOf(userId, sessionId).orElseThrow(() -> new InvalidBearerTokenException(
                "The login session has ended or the account is disabled."));
        List<SimpleGrantedAuthority> authorities = roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return new CurrentUserAuthentication(new CurrentUser(userId, roles, sessionId), jwt, authorities);
    }
}
