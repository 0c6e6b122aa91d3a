package org.glossa;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.glossa.shared.time.TestClock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the API the way a client does, from an address of its own (so that the per-address
 * lockout of one test never touches another), and registers learners with unique e-mails.
 */
public final class TestApi {

    public static final String ADMIN_EMAIL = "admin@glossa.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final MockMvcTester mvc;
    private final JsonMapper json;
    private final String address;

    public TestApi(MockMvcTester mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    public record Learner(UUID id, String email, String password, String accessToken, String refreshToken) {

        public Learner withTokens(JsonNode tokens) {
            return new Learner(id, email, password, tokens.get("accessToken").asString(),
                    tokens.get("refreshToken").asString());
        }
    }

    public String address() {
        return address;
    }

    public MvcTestResult post(String uri, Object body) {
        return post(uri, body, null);
    }

    public MvcTestResult post(String uri, Object body, String token) {
        return send(mvc.post().uri(uri), body, token);
    }

    public MvcTestResult patch(String uri, Object body, String token) {
        return send(mvc.patch().uri(uri), body, token);
    }

    public MvcTestResult put(String uri, Object body, String token) {
        return send(mvc.put().uri(uri), body, token);
    }

    public MvcTestResult delete(String uri, Object body, String token) {
        return send(mvc.delete().uri(uri), body, token);
    }

    public MvcTestResult get(String uri, String token) {
        return send(mvc.get().uri(uri), null, token);
    }

    private MvcTestResult send(MockMvcRequestBuilder request, Object body, String token) {
        request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.exchange();
    }

    public JsonNode json(MvcTestResult result) {
        return json.readTree(body(result));
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public Learner register(String name) {
        String email = uniqueEmail(name);
        String password = "a long password for " + name;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("displayName", name);
        body.put("timeZone", "Europe/Madrid");
        MvcTestResult result = post("/api/v1/auth/register", body);
        assertThat(result).hasStatus(201);
        JsonNode created = json(result);
        return new Learner(UUID.fromString(created.get("user").get("id").asString()), email, password,
                created.get("accessToken").asString(), created.get("refreshToken").asString());
    }

    public Learner login(String email, String password) {
        MvcTestResult result = post("/api/v1/auth/login", Map.of("email", email, "password", password));
        assertThat(result).hasStatus(200);
        JsonNode tokens = json(result);
        JsonNode me = json(get("/api/v1/me", tokens.get("accessToken").asString()));
        return new Learner(UUID.fromString(me.get("id").asString()), email, password,
                tokens.get("accessToken").asString(), tokens.get("refreshToken").asString());
    }

    /** The id of the demo course (Spanish for English speakers), found in the catalogue as a learner finds it. */
    public String demoCourseId(String token) {
        for (JsonNode course : json(get("/api/v1/courses?target=es&source=en", token))) {
            if (course.get("attribution").asString("").equals("glossa-demo")) {
                return course.get("id").asString();
            }
        }
        throw new AssertionError("the demo course is not in the catalogue");
    }

    public Learner admin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Moves the server's clock forward; tokens issued before may expire. */
    public static void advance(TestClock clock, Duration duration) {
        clock.advance(duration);
    }
}
