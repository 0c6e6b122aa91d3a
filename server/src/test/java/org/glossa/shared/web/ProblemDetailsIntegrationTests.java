package org.glossa.shared.web;

import java.util.Map;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad request gets an RFC 9457 problem with a stable type, and the request id. */
@GlossaIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;

    TestApi api;
    Learner ana;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        ana = api.register("ana");
    }

    private JsonNode problem(MvcTestResult result, int status, String kind) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode body = api.json(result);
        assertThat(body.get("type").asString()).isEqualTo("urn:glossa:problem:" + kind);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("requestId").asString()).isEqualTo(result.getResponse().getHeader("X-Request-Id"));
        assertThat(TestApi.body(result)).doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }

    @Test
    void unknownPathsAre404ForAnyoneAndSignedIn() {
        problem(api.get("/no/such/page", null), 404, "not-found");
        problem(api.get("/api/v1/no-such-thing", ana.accessToken()), 404, "not-found");
    }

    @Test
    void unsupportedMethodIs405WithAllow() {
        MvcTestResult result = api.get("/api/v1/auth/login", null);

        problem(result, 405, "method-not-allowed");
        assertThat(result.getResponse().getHeader("Allow")).contains("POST");
    }

    @Test
    void unsupportedMediaTypeIs415() {
        MvcTestResult result = mvc.post().uri("/api/v1/auth/login").contentType(MediaType.TEXT_PLAIN).content("hello")
                .with(r -> { r.setRemoteAddr(api.address()); return r; }).exchange();

        problem(result, 415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIs400() {
        problem(api.post("/api/v1/auth/login", "{\"email\": "), 400, "malformed-request");
        problem(api.post("/api/v1/auth/login", ""), 400, "malformed-request");
    }

    @Test
    void aWrongTypeNamesTheField() {
        JsonNode body = problem(api.patch("/api/v1/me", "{\"dailyGoal\": \"lots\"}", ana.accessToken()), 400,
                "validation");

        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("dailyGoal");
    }

    @Test
    void validationErrorsListTheFields() {
        JsonNode body = problem(api.post("/api/v1/auth/login", Map.of("email", "")), 400, "validation");

        assertThat(body.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"email\":\"" + "a".repeat(1024 * 1024) + "\",\"password\":\"x\"}";

        problem(api.post("/api/v1/auth/login", big), 413, "payload-too-large");
    }

    @Test
    void missingOrBadTokensAre401AndRolesAre403() {
        problem(api.get("/api/v1/me", null), 401, "unauthenticated");
        problem(api.get("/api/v1/me", "garbage"), 401, "unauthenticated");
        problem(api.get("/api/v1/admin/users", ana.accessToken()), 403, "forbidden");
    }

    @Test
    void conflictsAre409() {
        problem(api.post("/api/v1/auth/register", Map.of("email", ana.email(), "password", "some long password",
                "displayName", "Twin")), 409, "conflict");
    }

    @Test
    void unexpectedErrorsAre500WithoutDetailsButWithARequestIdThatIsLogged(CapturedOutput output) {
        MvcTestResult result = mvc.get().uri("/api/v1/test-only/failure").header("Authorization", "Bearer " + ana.accessToken())
                .header("X-Request-Id", "trace-me-42").exchange();

        JsonNode body = problem(result, 500, "internal");
        assertThat(body.get("requestId").asString()).isEqualTo("trace-me-42");
        assertThat(TestApi.body(result)).doesNotContain("secret_column").doesNotContain("hunter2");
        assertThat(output).contains("trace-me-42").contains("IllegalStateException");
    }

    @Test
    void requestIdsAreEchoedWhenSaneAndReplacedOtherwise() {
        MvcTestResult sane = mvc.get().uri("/actuator/health").header("X-Request-Id", "client-id-1").exchange();
        MvcTestResult insane = mvc.get().uri("/actuator/health").header("X-Request-Id", "bad id\nforged log").exchange();
        MvcTestResult none = mvc.get().uri("/actuator/health").exchange();

        assertThat(sane.getResponse().getHeader("X-Request-Id")).isEqualTo("client-id-1");
        assertThat(insane.getResponse().getHeader("X-Request-Id")).isNotBlank().doesNotContain("forged");
        assertThat(none.getResponse().getHeader("X-Request-Id")).isNotBlank();
    }

    @Test
    void healthAndPrometheusArePublicAndTheRestOfActuatorIsNot() {
        assertThat(mvc.get().uri("/actuator/health").exchange()).hasStatusOk().bodyJson()
                .extractingPath("$.status").isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/health/liveness").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/health/readiness").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/prometheus").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/env").exchange().getResponse().getStatus()).isIn(401, 403, 404);
        assertThat(api.get("/actuator/beans", ana.accessToken()).getResponse().getStatus()).isIn(401, 403, 404);
    }

    @Test
    void theOpenApiDescriptionCoversEndpointsErrorsAndSecurity() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(docs).hasStatusOk();
        JsonNode openApi = api.json(docs);
        assertThat(openApi.get("openapi").asString()).startsWith("3.1");
        assertThat(openApi.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        JsonNode register = openApi.get("paths").get("/api/v1/auth/register").get("post");
        assertThat(register.get("responses").get("400").get("content").get("application/problem+json")).isNotNull();
        assertThat(register.get("requestBody")).isNotNull();
        JsonNode me = openApi.get("paths").get("/api/v1/me").get("get");
        assertThat(me.get("security")).isNotNull();
        assertThat(me.get("responses").get("401")).isNotNull();
        assertThat(mvc.get().uri("/docs").exchange().getResponse().getStatus()).isIn(200, 302);
    }
}
