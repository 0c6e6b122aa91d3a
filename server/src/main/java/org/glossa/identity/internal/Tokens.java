package org.glossa.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues token pairs: a short-lived signed JWT naming the user and the login session, and a long
 * random opaque refresh token of which only the hash is stored.
 */
@Component
class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JwtEncoder encoder;
    private final JwtSettings jwt;
    private final IdentitySettings settings;
    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;

    Tokens(JwtEncoder encoder, JwtSettings jwt, IdentitySettings settings, RefreshTokenRepository refreshTokens,
            Clock clock) {
        this.encoder = encoder;
        this.jwt = jwt;
        this.settings = settings;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    TokenPair issue(Account account, UUID sessionId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(jwt.issuer())
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.accessTokenTtl()))
                .claim("sid", sessionId.toString())
                .claim("roles", account.roles().stream().map(Enum::name).sorted().toList())
                .build();
        String access = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        String refresh = randomToken();
        refreshTokens.save(new RefreshToken(sessionId, hash(refresh), now, now.plus(settings.refreshTokenTtl())));
        return new TokenPair(access, refresh, settings.accessTokenTtl().toSeconds(), "Bearer");
    }

    /** 256 random bits, URL-safe. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
