package org.glossa;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glossa.shared.runtime.GlossaMisconfiguredException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code prod} profile as an operator starts it: it refuses a missing secret, and on the real
 * PostgreSQL (SPRING_DATASOURCE_URL) it starts, creates the admin, has no test clock, and answers generation
 * with a 503 problem when no language model is configured.
 */
class ProductionProfileIntegrationTests {

    private static final String SECRET = "production-secret-for-the-integration-test-0123456789";

    @Test
    void refusesToStartWithoutASigningSecret() {
        Assumptions.assumeTrue(System.getenv("GLOSSA_JWT_SECRET") == null,
                "GLOSSA_JWT_SECRET is set in this environment, so its absence cannot be tried");

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(GlossaApplication.class)
                .profiles("prod").run("--server.port=0", "--spring.main.banner-mode=off").close());

        assertThat(failure).isInstanceOf(GlossaMisconfiguredException.class).hasMessageContaining("GLOSSA_JWT_SECRET");
    }

    @Test
    void startsOnPostgresWithoutTheTestClock() throws Exception {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        boolean postgres = url != null && url.startsWith("jdbc:postgresql:");
        if (!postgres) {
            System.err.println("SKIPPED ProductionProfileIntegrationTests.startsOnPostgresWithoutTheTestClock: "
                    + "no PostgreSQL configured (set SPRING_DATASOURCE_URL=jdbc:postgresql://...)");
        }
        Assumptions.assumeTrue(postgres, "The prod profile needs PostgreSQL: set SPRING_DATASOURCE_URL to run this test");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GlossaApplication.class)
                .profiles("prod")
                // Command-line arguments: default properties would lose to application.yaml's server.port.
                .run("--server.port=0", "--glossa.jwt.secret=" + SECRET, "--glossa.admin.email=prod-admin@glossa.test",
                        "--glossa.admin.password=prod-admin-password", "--glossa.llm.base-url=", "--glossa.llm.model=")) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            JsonMapper json = JsonMapper.builder().build();

            assertThat(app.getEnvironment().getProperty("glossa.mode")).isEqualTo("production");
            assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> login = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"prod-admin@glossa.test\",\"password\":\"prod-admin-password\"}")));
            assertThat(login.statusCode()).isEqualTo(200);
            String token = json.readTree(login.body()).get("accessToken").asString();

            HttpResponse<String> clock = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/clock"))
                    .header("Authorization", "Bearer " + token));
            assertThat(clock.statusCode()).isEqualTo(404);
            JsonNode problem = json.readTree(clock.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:glossa:problem:not-found");
            HttpResponse<String> users = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/users"))
                    .header("Authorization", "Bearer " + token));
            assertThat(users.statusCode()).as("the admin exists and works").isEqualTo(200);

            // No language model is configured: generation is a 503 problem, never the offline generator.
            HttpResponse<String> enrichment = send(http, HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/admin/generation/enrichments")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"language\":\"es\",\"words\":[\"pan\"]}")));
            assertThat(enrichment.statusCode()).isEqualTo(503);
            assertThat(enrichment.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(enrichment.body()).get("detail").asString()).contains("GLOSSA_LLM_BASE_URL");
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
