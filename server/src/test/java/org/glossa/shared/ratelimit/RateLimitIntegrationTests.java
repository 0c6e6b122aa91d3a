package org.glossa.shared.ratelimit;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Over real HTTP: the general per-address limit, and a chunked body that grows past the JSON limit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "glossa.rate-limit.per-address=5", "glossa.rate-limit.window=1h" })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @BeforeAll
    static void forgetEarlierCounts(@Autowired ObjectProvider<StringRedisTemplate> redis,
            @Value("${glossa.redis.enabled}") boolean redisEnabled) {
        // With Redis, counts for this machine's address may survive from an earlier run in the same hour.
        if (redisEnabled) {
            StringRedisTemplate template = redis.getObject();
            var keys = template.keys("glossa:rate:addr:*");
            if (keys != null && !keys.isEmpty()) {
                template.delete(keys);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @Order(2)
    void anAddressOverItsLimitGets429WithRetryAfter() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        // The chunked request of the first test counted too: 4 more pass, then the limit of 5 cuts in.
        assertThat(responses.subList(0, 4)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(401));
        assertThat(responses.subList(4, 8)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
            assertThat(response.body()).contains("urn:glossa:problem:rate-limited");
        });
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("health probes are exempt").isEqualTo(200);
    }

    @Test
    @Order(1)
    void aChunkedBodyPastTheLimitIs413() throws Exception {
        byte[] body = ("{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                // A stream of unknown length goes out chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:glossa:problem:payload-too-large");
    }
}
