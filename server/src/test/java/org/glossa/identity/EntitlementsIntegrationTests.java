package org.glossa.identity;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.shared.Entitlements;
import org.glossa.shared.time.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins grant, extend and revoke entitlements; grants end on time, show in the export and go with the account. */
@GlossaIntegrationTest
class EntitlementsIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock clock;
    @Autowired
    Entitlements entitlements;

    TestApi api;
    Learner admin;
    Learner bea;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        admin = api.admin();
        bea = api.register("bea");
    }

    String uri(UUID user, String entitlement) {
        return "/api/v1/admin/users/" + user + "/entitlements/" + entitlement;
    }

    @Test
    void aGrantWithoutAnEndLastsUntilRevokedAndGrantingAgainChangesNothing() {
        assertThat(entitlements.has(bea.id(), Entitlements.UNLIMITED_EXPLANATIONS)).isFalse();
        assertThat(api.put(uri(bea.id(), "unlimited-explanations"), null, admin.accessToken())).hasStatusOk()
                .bodyJson().extractingPath("$.expiresAt").isNull();
        assertThat(api.put(uri(bea.id(), "unlimited-explanations"), null, admin.accessToken())).hasStatusOk();
        assertThat(entitlements.has(bea.id(), Entitlements.UNLIMITED_EXPLANATIONS)).isTrue();
        assertThat(entitlements.has(bea.id(), Entitlements.UNLIMITED_HEARTS)).isFalse();
        JsonNode list = api.json(api.get("/api/v1/admin/users/" + bea.id() + "/entitlements", admin.accessToken()));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("grantedBy").asString()).isEqualTo(admin.id().toString());

        assertThat(api.delete(uri(bea.id(), "unlimited-explanations"), null, admin.accessToken())).hasStatus(204);
        assertThat(api.delete(uri(bea.id(), "unlimited-explanations"), null, admin.accessToken())).hasStatus(204);
        assertThat(entitlements.has(bea.id(), Entitlements.UNLIMITED_EXPLANATIONS)).isFalse();
    }

    @Test
    void aGrantEndsAtItsEndAndGrantingAgainSetsANewEnd() {
        String until = clock.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertThat(api.put(uri(bea.id(), "unlimited-hearts"), Map.of("expiresAt", until), admin.accessToken()))
                .hasStatusOk();
        assertThat(entitlements.has(bea.id(), Entitlements.UNLIMITED_HEARTS)).isTrue();
        clock.advance(Duration.ofDays(2));
        assertThat(entitlements.has(bea.id(), Entitlements.UNLIMITED_HEARTS)).isFalse();
        JsonNode ended = api.json(api.get("/api/v1/admin/users/" + bea.id() + "/entitlements",
                api.login(admin.email(), admin.password()).accessToken())).get(0);
        assertThat(ended.get("expiresAt").asString()).isEqualTo(until);

        admin = api.login(admin.email(), admin.password());
        assertThat(api.put(uri(bea.id(), "unlimited-hearts"),
                Map.of("expiresAt", clock.now().plus(Duration.ofDays(30)).toString()), admin.accessToken())).hasStatusOk();
        assertThat(entitlements.has(bea.id(), Entitlements.UNLIMITED_HEARTS)).isTrue();

        bea = api.login(bea.email(), bea.password());
        JsonNode export = api.json(api.get("/api/v1/me/export", bea.accessToken()));
        assertThat(export.get("identity").get("entitlements").get(0).get("entitlement").asString())
                .isEqualTo("unlimited-hearts");
    }

    @Test
    void badGrantsAreProblemsNamingTheFieldAndOnlyAdminsGrant() {
        assertThat(api.put(uri(bea.id(), "free-lunch"), null, admin.accessToken())).hasStatus(400).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("entitlement");
        assertThat(api.put(uri(bea.id(), "unlimited-hearts"), Map.of("expiresAt", clock.now().minusSeconds(1).toString()),
                admin.accessToken())).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("expiresAt");
        assertThat(api.put(uri(bea.id(), "unlimited-hearts"), Map.of("expiresAt", "next tuesday"), admin.accessToken()))
                .hasStatus(400);
        assertThat(api.put(uri(UUID.randomUUID(), "unlimited-hearts"), null, admin.accessToken())).hasStatus(404);
        assertThat(api.put(uri(bea.id(), "unlimited-hearts"), null, bea.accessToken())).hasStatus(403);
        assertThat(entitlements.has(bea.id(), Entitlements.UNLIMITED_HEARTS)).isFalse();
    }
}
