package org.glossa.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@GlossaIntegrationTest
class RegistrationIntegrationTests {

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
    void registersWithNormalizedEmailDefaultsAndATokenPair() {
        String email = TestApi.uniqueEmail("Ana").toUpperCase();
        MvcTestResult result = api.post("/api/v1/auth/register", Map.of("email", email,
                "password", "correct horse battery", "displayName", "Ana", "nativeLanguage", "pt-br"));

        assertThat(result).hasStatus(201);
        JsonNode body = api.json(result);
        assertThat(body.get("user").get("email").asString()).isEqualTo(email.strip().toLowerCase());
        assertThat(body.get("user").get("timeZone").asString()).isEqualTo("UTC");
        assertThat(body.get("user").get("nativeLanguage").asString()).isEqualTo("pt-BR");
        assertThat(body.get("user").get("roles").toString()).isEqualTo("[\"LEARNER\"]");
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asInt()).isEqualTo(900);
        assertThat(body.get("refreshToken").asString()).hasSizeGreaterThan(40);
        assertThat(TestApi.body(result)).doesNotContain("argon2").doesNotContain("passwordHash");

        MvcTestResult me = api.get("/api/v1/me", body.get("accessToken").asString());
        assertThat(me).hasStatusOk();
        assertThat(api.json(me).get("displayName").asString()).isEqualTo("Ana");
    }

    @Test
    void theSameAddressInAnotherCaseIsAConflict() {
        TestApi.Learner ana = api.register("ana");
        MvcTestResult again = api.post("/api/v1/auth/register", Map.of("email", ana.email().toUpperCase(),
                "password", "another long password", "displayName", "Ana again"));

        assertThat(again).hasStatus(409);
        assertThat(api.json(again).get("type").asString()).isEqualTo("urn:glossa:problem:conflict");
    }

    @Test
    void concurrentRegistrationsOfOneAddressCreateExactlyOneAccount() throws Exception {
        String email = TestApi.uniqueEmail("race");
        int attempts = 6;
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            calls.add(() -> new TestApi(mvc, json).post("/api/v1/auth/register", Map.of("email", email,
                    "password", "a race of passwords", "displayName", "Racer")).getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts - 1);
        assertThat(jdbc.sql("select count(*) from identity_account where email = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void invalidFieldsAreAllNamed() {
        MvcTestResult result = api.post("/api/v1/auth/register", Map.of("email", "not-an-address",
                "password", "short", "displayName", " ", "timeZone", "Mars/Olympus", "nativeLanguage", "english!"));

        assertThat(result).hasStatus(400);
        JsonNode problem = api.json(result);
        assertThat(problem.get("type").asString()).isEqualTo("urn:glossa:problem:validation");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains("email", "password", "displayName", "timeZone", "nativeLanguage");
    }

    @Test
    void aPasswordEqualToTheEmailIsRefused() {
        String email = TestApi.uniqueEmail("same");
        MvcTestResult result = api.post("/api/v1/auth/register", Map.of("email", email, "password", email.toUpperCase(),
                "displayName", "Same"));

        assertThat(result).hasStatus(400);
        assertThat(api.json(result).get("errors").get(0).get("field").asString()).isEqualTo("password");
    }

    @Test
    void aPasswordOverTheMaximumIsRefused() {
        MvcTestResult result = api.post("/api/v1/auth/register", Map.of("email", TestApi.uniqueEmail("long"),
                "password", "x".repeat(257), "displayName", "Long"));

        assertThat(result).hasStatus(400);
        assertThat(api.json(result).get("errors").get(0).get("field").asString()).isEqualTo("password");
    }
}
