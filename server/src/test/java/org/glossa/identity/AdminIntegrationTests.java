package org.glossa.identity;

import java.util.List;
import java.util.Map;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@GlossaIntegrationTest
class AdminIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;

    TestApi api;
    Learner admin;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        admin = api.admin();
    }

    @Test
    void theConfiguredAdminExistsWithTheAdminRole() {
        JsonNode me = api.json(api.get("/api/v1/me", admin.accessToken()));

        assertThat(me.get("roles").toString()).contains("ADMIN");
    }

    @Test
    void learnersCannotUseTheAdminApi() {
        Learner ana = api.register("ana");

        MvcTestResult result = api.get("/api/v1/admin/users", ana.accessToken());

        assertThat(result).hasStatus(403);
        assertThat(api.json(result).get("type").asString()).isEqualTo("urn:glossa:problem:forbidden");
    }

    @Test
    void searchFindsUsersByEmailOrNameInPages() {
        Learner zoe = api.register("zoe-searchable");

        JsonNode page = api.json(api.get("/api/v1/admin/users?q=ZOE-SEARCHABLE&size=5", admin.accessToken()));

        assertThat(page.get("items").findValuesAsString("email")).contains(zoe.email());
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(TestApi.body(api.get("/api/v1/admin/users", admin.accessToken()))).doesNotContain("argon2");
        assertThat(api.get("/api/v1/admin/users?size=0", admin.accessToken())).hasStatus(400);
        assertThat(api.get("/api/v1/admin/users?page=-1", admin.accessToken())).hasStatus(400);
        assertThat(api.get("/api/v1/admin/users?page=abc", admin.accessToken())).hasStatus(400);
    }

    @Test
    void rolesChangeAtOnce() {
        Learner ana = api.register("ana");

        MvcTestResult granted = api.put("/api/v1/admin/users/" + ana.id() + "/roles", Map.of("roles", List.of("EDITOR")),
                admin.accessToken());

        assertThat(granted).hasStatusOk();
        assertThat(api.json(granted).get("roles").toString()).isEqualTo("[\"EDITOR\",\"LEARNER\"]");
        assertThat(api.json(api.get("/api/v1/me", ana.accessToken())).get("roles").toString()).contains("EDITOR");
        assertThat(api.put("/api/v1/admin/users/" + ana.id() + "/roles", Map.of("roles", List.of("KING")),
                admin.accessToken())).hasStatus(400);
        assertThat(api.put("/api/v1/admin/users/" + ana.id() + "/roles", Map.of("roles", List.of()),
                admin.accessToken())).hasStatus(400);
    }

    @Test
    void anAdminCannotDemoteOrDisableThemselves() {
        assertThat(api.put("/api/v1/admin/users/" + admin.id() + "/roles", Map.of("roles", List.of("LEARNER")),
                admin.accessToken())).hasStatus(409);
        assertThat(api.post("/api/v1/admin/users/" + admin.id() + "/disable", null, admin.accessToken())).hasStatus(409);
    }

    @Test
    void disablingStopsTokensAtOnceAndEnablingLetsTheUserSignInAgain() {
        Learner ana = api.register("ana");

        assertThat(api.post("/api/v1/admin/users/" + ana.id() + "/disable", null, admin.accessToken())).hasStatusOk();

        assertThat(api.get("/api/v1/me", ana.accessToken())).hasStatus(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", ana.refreshToken()))).hasStatus(401);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", ana.email(), "password", ana.password())))
                .hasStatus(403);

        assertThat(api.post("/api/v1/admin/users/" + ana.id() + "/enable", null, admin.accessToken())).hasStatusOk();
        api.login(ana.email(), ana.password());
    }

    @Test
    void unknownUsersAre404() {
        MvcTestResult result = api.get("/api/v1/admin/users/" + java.util.UUID.randomUUID(), admin.accessToken());

        assertThat(result).hasStatus(404);
        assertThat(api.json(result).get("type").asString()).isEqualTo("urn:glossa:problem:not-found");
        assertThat(api.get("/api/v1/admin/users/not-a-uuid", admin.accessToken())).hasStatus(400);
    }
}
