package org.glossa.identity.internal;

/** What a successful sign-in or refresh returns. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, String tokenType) {
}
