package org.glossa.shared.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@GlossaIntegrationTest
class ClockIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    java.time.Clock clock;

    TestApi api;
    Learner admin;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        admin = api.admin();
    }

    @Test
    void anAdminMovesTheServersClockForward() {
        Instant before = Instant.parse(api.json(api.get("/api/v1/admin/clock", admin.accessToken())).get("now").asString());

        JsonNode advanced = api.json(api.post("/api/v1/admin/clock", Map.of("advance", "P1DT2H"), admin.accessToken()));

        Instant after = Instant.parse(advanced.get("now").asString());
        assertThat(Duration.between(before, after)).isBetween(Duration.ofHours(26), Duration.ofHours(27));
        assertThat(Duration.between(clock.instant(), after).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void setJumpsToAnInstant() {
        Instant target = clock.instant().plus(Duration.ofDays(400));

        JsonNode set = api.json(api.post("/api/v1/admin/clock", Map.of("set", target.toString()), admin.accessToken()));

        assertThat(Duration.between(target, Instant.parse(set.get("now").asString())).abs())
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void badChangesAreRefusedAndTheClockStays() {
        Duration offset = Duration.parse(api.json(api.get("/api/v1/admin/clock", admin.accessToken()))
                .get("offset").asString());

        assertThat(api.post("/api/v1/admin/clock", Map.of(), admin.accessToken())).hasStatus(400);
        assertThat(api.post("/api/v1/admin/clock", Map.of("advance", "P1D", "set", "2030-01-01T00:00:00Z"),
                admin.accessToken())).hasStatus(400);
        assertThat(api.post("/api/v1/admin/clock", Map.of("advance", "-PT1H"), admin.accessToken())).hasStatus(400);
        assertThat(api.post("/api/v1/admin/clock", Map.of("advance", "tomorrow"), admin.accessToken())).hasStatus(400);
        assertThat(api.post("/api/v1/admin/clock", Map.of("set", "2001-01-01T00:00:00Z"), admin.accessToken()))
                .hasStatus(400);

        assertThat(Duration.parse(api.json(api.get("/api/v1/admin/clock", admin.accessToken())).get("offset").asString()))
                .isEqualTo(offset);
    }

    @Test
    void onlyAdminsMayTouchTheClock() {
        Learner ana = api.register("ana");

        assertThat(api.get("/api/v1/admin/clock", ana.accessToken())).hasStatus(403);
        assertThat(api.post("/api/v1/admin/clock", Map.of("advance", "PT1H"), ana.accessToken())).hasStatus(403);
        assertThat(api.get("/api/v1/admin/clock", null)).hasStatus(401);
    }
}
