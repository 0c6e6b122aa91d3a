package org.glossa.identity;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.shared.time.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@GlossaIntegrationTest
class SessionsIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock clock;
    @Value("${glossa.jwt.secret}")
    String secret;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
    }

    @Test
    void loginIssuesAPairThatWorks() {
        Learner ana = api.register("ana");
        MvcTestResult login = api.post("/api/v1/auth/login", Map.of("email", ana.email().toUpperCase(),
                "password", ana.password()));

        assertThat(login).hasStatusOk();
        JsonNode tokens = api.json(login);
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(api.get("/api/v1/me", tokens.get("accessToken").asString())).hasStatusOk();
    }

    @Test
    void wrongPasswordAndUnknownAccountLookAlike() {
        Learner ana = api.register("ana");
        MvcTestResult wrong = api.post("/api/v1/auth/login", Map.of("email", ana.email(), "password", "not the password"));
        MvcTestResult unknown = api.post("/api/v1/auth/login", Map.of("email", TestApi.uniqueEmail("nobody"),
                "password", "not the password"));

        assertThat(wrong).hasStatus(401);
        assertThat(unknown).hasStatus(401);
        assertThat(api.json(wrong).get("detail")).isEqualTo(api.json(unknown).get("detail"));
    }

    @Test
    void refreshRotatesAndTheOldRefreshTokenStopsWorking() {
        Learner ana = api.register("ana");
        MvcTestResult first = api.post("/api/v1/auth/refresh", Map.of("refreshToken", ana.refreshToken()));
        assertThat(first).hasStatusOk();
        Learner rotated = ana.withTokens(api.json(first));
        assertThat(rotated.refreshToken()).isNotEqualTo(ana.refreshToken());
        assertThat(api.get("/api/v1/me", rotated.accessToken())).hasStatusOk();

        MvcTestResult next = api.post("/api/v1/auth/refresh", Map.of("refreshToken", rotated.refreshToken()));
        assertThat(next).hasStatusOk();
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        Learner ana = api.register("ana");
        Learner rotated = ana.withTokens(api.json(api.post("/api/v1/auth/refresh",
                Map.of("refreshToken", ana.refreshToken()))));
        Learner otherLogin = api.login(ana.email(), ana.password());

        MvcTestResult replay = api.post("/api/v1/auth/refresh", Map.of("refreshToken", ana.refreshToken()));

        assertThat(replay).hasStatus(401);
        assertThat(api.json(replay).get("type").asString()).isEqualTo("urn:glossa:problem:unauthenticated");
        // Every token descended from that login is dead, for the thief and for the learner alike.
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", rotated.refreshToken()))).hasStatus(401);
        assertThat(api.get("/api/v1/me", rotated.accessToken())).hasStatus(401);
        assertThat(api.get("/api/v1/me", ana.accessToken())).hasStatus(401);
        // Another login of the same account is not affected.
        assertThat(api.get("/api/v1/me", otherLogin.accessToken())).hasStatusOk();
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", otherLogin.refreshToken()))).hasStatusOk();
    }

    @Test
    void unknownRefreshTokenIs401() {
        MvcTestResult result = api.post("/api/v1/auth/refresh", Map.of("refreshToken", "no-such-token"));

        assertThat(result).hasStatus(401);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void logoutEndsThatSessionOnly() {
        Learner ana = api.register("ana");
        Learner phone = api.login(ana.email(), ana.password());

        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", ana.refreshToken()))).hasStatus(204);

        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", ana.refreshToken()))).hasStatus(401);
        assertThat(api.get("/api/v1/me", ana.accessToken())).hasStatus(401);
        assertThat(api.get("/api/v1/me", phone.accessToken())).hasStatusOk();
        // Signing out twice is harmless.
        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", ana.refreshToken()))).hasStatus(204);
    }

    @Test
    void logoutAllEndsEverySession() {
        Learner ana = api.register("ana");
        Learner phone = api.login(ana.email(), ana.password());

        assertThat(api.post("/api/v1/auth/logout-all", null, ana.accessToken())).hasStatus(204);

        assertThat(api.get("/api/v1/me", ana.accessToken())).hasStatus(401);
        assertThat(api.get("/api/v1/me", phone.accessToken())).hasStatus(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", phone.refreshToken()))).hasStatus(401);
        assertThat(api.post("/api/v1/auth/logout-all", null, null)).hasStatus(401);
    }

    @Test
    void accessTokensExpireAfterFifteenMinutes() {
        Learner ana = api.register("ana");
        clock.advance(Duration.ofMinutes(16));

        MvcTestResult expired = api.get("/api/v1/me", ana.accessToken());

        assertThat(expired).hasStatus(401);
        assertThat(expired.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
        // The refresh token still gives a fresh pair.
        MvcTestResult refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", ana.refreshToken()));
        assertThat(refreshed).hasStatusOk();
        assertThat(api.get("/api/v1/me", api.json(refreshed).get("accessToken").asString())).hasStatusOk();
    }

    @Test
    void refreshTokensExpire() {
        Learner ana = api.register("ana");
        clock.advance(Duration.ofDays(31));

        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", ana.refreshToken()))).hasStatus(401);
    }

    @Test
    void forgedMalformedAndUnsignedTokensAre401() {
        Learner ana = api.register("ana");
        String sid = claims(ana.accessToken()).get("sid").asString();

        String otherKey = sign("another-secret-that-is-long-enough-for-hs256", ana.id(), sid, clock.now().plusSeconds(600));
        String expired = sign(secret, ana.id(), sid, clock.now().minusSeconds(120));
        String valid = sign(secret, ana.id(), sid, clock.now().plusSeconds(600));
        String[] parts = ana.accessToken().split("\\.");
        String none = base64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        String tampered = parts[0] + "." + base64(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace(ana.id().toString(), UUID.randomUUID().toString())) + "." + parts[2];

        assertThat(api.get("/api/v1/me", valid)).as("control: our key").hasStatusOk();
        for (String token : new String[] { otherKey, expired, none, tampered, "not-a-jwt", "a.b.c" }) {
            MvcTestResult result = api.get("/api/v1/me", token);
            assertThat(result).as(token).hasStatus(401);
            assertThat(api.json(result).get("type").asString()).isEqualTo("urn:glossa:problem:unauthenticated");
        }
    }

    @Test
    void fiveFailuresLockTheAccountForTheWindowEvenWithTheRightPassword() {
        Learner ana = api.register("ana");
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/login", Map.of("email", ana.email(), "password", "wrong password " + i)))
                    .hasStatus(401);
        }

        MvcTestResult locked = api.post("/api/v1/auth/login", Map.of("email", ana.email(), "password", ana.password()));

        assertThat(locked).hasStatus(429);
        assertThat(api.json(locked).get("type").asString()).isEqualTo("urn:glossa:problem:rate-limited");
        long retryAfter = Long.parseLong(locked.getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);

        clock.advance(Duration.ofSeconds(retryAfter + 1));
        assertThat(api.post("/api/v1/auth/login", Map.of("email", ana.email(), "password", ana.password())))
                .hasStatusOk();
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddress() {
        Learner ana = api.register("ana");
        for (int i = 0; i < 20; i++) {
            assertThat(api.post("/api/v1/auth/login", Map.of("email", TestApi.uniqueEmail("guess"),
                    "password", "guessing " + i))).hasStatus(401);
        }

        MvcTestResult locked = api.post("/api/v1/auth/login", Map.of("email", ana.email(), "password", ana.password()));

        assertThat(locked).hasStatus(429);
        assertThat(locked.getResponse().getHeader("Retry-After")).isNotBlank();
        // The same account signs in from another address.
        assertThat(new TestApi(mvc, json).post("/api/v1/auth/login", Map.of("email", ana.email(),
                "password", ana.password()))).hasStatusOk();
    }

    private JsonNode claims(String jwt) {
        return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String key, UUID user, String sid, Instant expiresAt) {
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
                new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("glossa").subject(user.toString())
                .issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt).claim("sid", sid).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
