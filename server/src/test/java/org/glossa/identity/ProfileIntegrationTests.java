package org.glossa.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@GlossaIntegrationTest
class ProfileIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
    }

    @Test
    void meNeedsAToken() {
        MvcTestResult result = api.get("/api/v1/me", null);

        assertThat(result).hasStatus(401);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(api.json(result).get("type").asString()).isEqualTo("urn:glossa:problem:unauthenticated");
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndNullClears() {
        Learner ana = api.register("ana");
        MvcTestResult changed = api.patch("/api/v1/me", Map.of("displayName", "Ana María", "timeZone", "America/Bogota",
                "learningLanguages", List.of("es", "PT-br", "es"), "dailyGoal", 30, "reminderTime", "19:30"),
                ana.accessToken());

        assertThat(changed).hasStatusOk();
        JsonNode me = api.json(changed);
        assertThat(me.get("displayName").asString()).isEqualTo("Ana María");
        assertThat(me.get("timeZone").asString()).isEqualTo("America/Bogota");
        assertThat(me.get("learningLanguages").toString()).isEqualTo("[\"es\",\"pt-BR\"]");
        assertThat(me.get("dailyGoal").asInt()).isEqualTo(30);
        assertThat(me.get("reminderTime").asString()).startsWith("19:30");

        Map<String, Object> clear = new HashMap<>();
        clear.put("reminderTime", null);
        JsonNode cleared = api.json(api.patch("/api/v1/me", clear, ana.accessToken()));
        assertThat(cleared.get("reminderTime").isNull()).isTrue();
        assertThat(cleared.get("dailyGoal").asInt()).isEqualTo(30);
        assertThat(cleared.get("timeZone").asString()).isEqualTo("America/Bogota");
    }

    @Test
    void badProfileValuesNameTheirFieldsAndChangeNothing() {
        Learner ana = api.register("ana");
        MvcTestResult bad = api.patch("/api/v1/me", Map.of("timeZone", "Europe/Atlantis", "learningLanguages",
                List.of("es", "!!"), "displayName", ""), ana.accessToken());

        assertThat(bad).hasStatus(400);
        assertThat(api.json(bad).get("errors").findValuesAsString("field"))
                .contains("timeZone", "displayName").anyMatch(f -> f.startsWith("learningLanguages"));

        MvcTestResult goal = api.patch("/api/v1/me", Map.of("dailyGoal", 15, "displayName", "Changed"), ana.accessToken());
        assertThat(goal).hasStatus(400);
        assertThat(api.json(goal).get("errors").get(0).get("field").asString()).isEqualTo("dailyGoal");
        JsonNode me = api.json(api.get("/api/v1/me", ana.accessToken()));
        assertThat(me.get("displayName").asString()).isEqualTo("ana");
        assertThat(me.get("timeZone").asString()).isEqualTo("Europe/Madrid");
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() {
        Learner ana = api.register("ana");
        Learner phone = api.login(ana.email(), ana.password());

        MvcTestResult wrong = api.post("/api/v1/me/password", Map.of("currentPassword", "not it at all",
                "newPassword", "a brand new password"), ana.accessToken());
        assertThat(wrong).hasStatus(400);
        assertThat(api.json(wrong).get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");

        assertThat(api.post("/api/v1/me/password", Map.of("currentPassword", ana.password(),
                "newPassword", "a brand new password"), ana.accessToken())).hasStatus(204);

        assertThat(api.get("/api/v1/me", ana.accessToken())).hasStatusOk();
        assertThat(api.get("/api/v1/me", phone.accessToken())).hasStatus(401);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", ana.email(), "password", ana.password())))
                .hasStatus(401);
        api.login(ana.email(), "a brand new password");
    }

    @Test
    void exportHoldsTheAccountAndSessionsButNoSecrets() {
        Learner ana = api.register("ana");
        api.login(ana.email(), ana.password());

        MvcTestResult export = api.get("/api/v1/me/export", ana.accessToken());

        assertThat(export).hasStatusOk();
        JsonNode document = api.json(export);
        assertThat(document.get("userId").asString()).isEqualTo(ana.id().toString());
        assertThat(document.get("identity").get("account").get("email").asString()).isEqualTo(ana.email());
        assertThat(document.get("identity").get("loginSessions")).hasSize(2);
        assertThat(TestApi.body(export)).doesNotContain("argon2").doesNotContain(ana.refreshToken())
                .doesNotContain(ana.password());
    }

    @Test
    void deletionRemovesEveryRowAboutTheUserAndFreesTheAddress() {
        Learner ana = api.register("ana");
        api.login(ana.email(), ana.password());
        api.post("/api/v1/auth/login", Map.of("email", ana.email(), "password", "a wrong password"));
        api.post("/api/v1/auth/password-reset", Map.of("email", ana.email()));
        assertThat(rowsMentioning(ana.id().toString(), ana.email())).isNotEmpty();

        MvcTestResult wrong = api.delete("/api/v1/me", Map.of("password", "not my password"), ana.accessToken());
        assertThat(wrong).hasStatus(400);
        assertThat(rowsMentioning(ana.id().toString(), ana.email())).isNotEmpty();

        assertThat(api.delete("/api/v1/me", Map.of("password", ana.password()), ana.accessToken())).hasStatus(204);

        // Other modules delete their part when they receive AccountDeleted, right after the commit.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(rowsMentioning(ana.id().toString(), ana.email())).isEmpty());
        assertThat(api.get("/api/v1/me", ana.accessToken())).hasStatus(401);
        assertThat(api.post("/api/v1/auth/register", Map.of("email", ana.email(), "password", "registering again",
                "displayName", "Ana"))).hasStatus(201);
    }

    /** Every table and text or id column of the schema that holds one of the values. */
    private List<String> rowsMentioning(String... values) {
        List<String> hits = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema and (lower(data_type) like '%char%' or lower(data_type) like '%uuid%'
                    or lower(data_type) like '%text%' or lower(data_type) like '%json%')
                """).query().listOfRows();
        for (Map<String, Object> column : columns) {
            String table = String.valueOf(column.get("table_name"));
            String name = String.valueOf(column.get("column_name"));
            for (String value : values) {
                // Quoted: some tables (JobRunr's) have columns named after SQL keywords.
                Long count = jdbc.sql("select count(*) from \"" + table + "\" where lower(cast(\"" + name
                        + "\" as varchar(8000))) like :value").param("value", "%" + value.toLowerCase() + "%")
                        .query(Long.class).single();
                if (count > 0) {
                    hits.add(table + "." + name + " mentions " + value);
                }
            }
        }
        return hits;
    }
}
