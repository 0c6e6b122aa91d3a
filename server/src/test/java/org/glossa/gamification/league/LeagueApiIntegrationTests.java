package org.glossa.gamification.league;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.shared.time.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The league and leaderboard API as a client sees it, the export section and account deletion. */
@GlossaIntegrationTest
class LeagueApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock testClock;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LeagueXp xp;
    @Autowired
    WeeklyClose close;
    @Autowired
    Leagues leagues;
    @Autowired
    Leaderboards leaderboards;

    TestApi api;
    LeagueFixture fixture;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        fixture = new LeagueFixture(testClock, clock, jdbc, xp, close, leagues);
    }

    @Test
    void aLearnerSeesTheirCohortZonesHistoryAndLeaderboards() {
        LeagueWeek week = fixture.nextWeek(1);
        Learner ana = api.register("ana");
        Learner ben = api.register("ben");
        String course = api.demoCourseId(ana.accessToken());

        JsonNode before = api.json(api.get("/api/v1/leagues/current", ana.accessToken()));
        assertThat(before.get("joined").asBoolean()).isFalse();
        assertThat(before.get("tier").asString()).isEqualTo("BRONZE");
        assertThat(before.get("weekStart").asString()).isEqualTo(week.start().toString());
        assertThat(before.get("cohort")).isEmpty();

        // Make both Sapphire players: a cohort with a promotion zone of 7 and a demotion zone.
        fixture.giveTier(ana.id(), Tier.SAPPHIRE);
        fixture.giveTier(ben.id(), Tier.SAPPHIRE);
        fixture.earn(ana.id(), UUID.fromString(course), 30);
        fixture.earn(ben.id(), null, 20);

        JsonNode current = api.json(api.get("/api/v1/leagues/current", ana.accessToken()));
        assertThat(current.get("joined").asBoolean()).isTrue();
        assertThat(current.get("tier").asString()).isEqualTo("SAPPHIRE");
        assertThat(current.get("weekEndsAt").asString()).isEqualTo(week.endsAt().toString());
        assertThat(current.get("rank").asInt()).isEqualTo(1);
        JsonNode cohort = current.get("cohort");
        assertThat(cohort).hasSize(2);
        assertThat(cohort.get(0).get("displayName").asString()).isEqualTo("ana");
        assertThat(cohort.get(0).get("you").asBoolean()).isTrue();
        assertThat(cohort.get(1).get("displayName").asString()).isEqualTo("ben");
        assertThat(cohort.get(1).get("xp").asInt()).isEqualTo(20);
        assertThat(current.get("promotionZone").get("toRank").asInt()).isEqualTo(2);
        assertThat(current.get("demotionZone").isNull()).isTrue();

        JsonNode board = api.json(api.get("/api/v1/leaderboards/weekly?courseId=" + course + "&size=5", ben.accessToken()));
        assertThat(board.get("entries")).hasSize(1);
        assertThat(board.get("entries").get(0).get("displayName").asString()).isEqualTo("ana");
        assertThat(board.get("entries").get(0).get("xp").asInt()).isEqualTo(30);
        assertThat(board.get("me").isNull()).isTrue();
        JsonNode global = api.json(api.get("/api/v1/leaderboards/all-time?size=100", ben.accessToken()));
        assertThat(global.get("me").get("xp").asInt()).isEqualTo(20);
        assertThat(global.get("total").asInt()).isGreaterThanOrEqualTo(2);

        fixture.nextWeek(1);
        ana = api.login(ana.email(), ana.password()); // a week later, the access token has expired
        JsonNode history = api.json(api.get("/api/v1/leagues/history", ana.accessToken()));
        assertThat(history).hasSize(2); // and the week before, in which the fixture gave Ana her tier
        assertThat(history.get(0).get("outcome").asString()).isEqualTo("PROMOTED");
        assertThat(history.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(api.json(api.get("/api/v1/leagues/current", ana.accessToken())).get("tier").asString())
                .isEqualTo("RUBY");

        JsonNode export = api.json(api.get("/api/v1/me/export", ana.accessToken()));
        assertThat(export.get("leagues").get("tier").asString()).isEqualTo("RUBY");
        assertThat(export.get("leagues").get("closedWeeks").get(0).get("outcome").asString()).isEqualTo("PROMOTED");
        assertThat(export.get("leagues").get("weeks")).hasSize(2);
    }

    @Test
    void aCompletedLessonPutsTheLearnerInALeagueAndOnTheLeaderboards() {
        fixture.nextWeek(2);
        Learner ana = api.register("ana");
        String course = api.demoCourseId(ana.accessToken());
        JsonNode path = api.json(api.get("/api/v1/courses/" + course, ana.accessToken()));
        String lesson = path.get("sections").get(0).get("skills").get(0).get("lessons").get(0).get("id").asString();
        JsonNode session = api.json(api.post("/api/v1/sessions", Map.of("lessonId", lesson), ana.accessToken()));
        String id = session.get("sessionId").asString();
        org.glossa.practice.LessonKey key = new org.glossa.practice.LessonKey(jdbc, json, id);
        for (JsonNode exercise : session.get("exercises")) {
            String exerciseId = exercise.get("id").asString();
            api.post("/api/v1/sessions/" + id + "/answers", Map.of("exerciseId", exerciseId,
                    "answer", key.rightAnswer(exerciseId), "answerId", "l-" + exerciseId), ana.accessToken());
        }
        int earned = api.json(api.post("/api/v1/sessions/" + id + "/complete", null, ana.accessToken()))
                .get("xpEarned").asInt();

        // The ledger's XpEarned events arrive after the completion's transaction, one per ledger entry.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select coalesce(sum(xp), 0) from gamification_league_entry where user_id = :u")
                .param("u", ana.id()).query(Integer.class).single() == earned);
        JsonNode current = api.json(api.get("/api/v1/leagues/current", ana.accessToken()));
        assertThat(current.get("joined").asBoolean()).isTrue();
        assertThat(current.get("tier").asString()).isEqualTo("BRONZE");
        JsonNode board = api.json(api.get("/api/v1/leaderboards/all-time?courseId=" + course, ana.accessToken()));
        assertThat(board.get("me").get("xp").asInt()).isEqualTo(earned);
        assertThat(earned).isGreaterThan(0);
    }

    @Test
    void badLeaderboardRequestsNameTheField() {
        Learner ana = api.register("ana");
        assertProblem(api.get("/api/v1/leaderboards/monthly", ana.accessToken()), 400, "board");
        assertProblem(api.get("/api/v1/leaderboards/weekly?page=-1", ana.accessToken()), 400, "page");
        assertProblem(api.get("/api/v1/leaderboards/weekly?size=101", ana.accessToken()), 400, "size");
        assertProblem(api.get("/api/v1/leaderboards/weekly?size=0", ana.accessToken()), 400, "size");
        assertProblem(api.get("/api/v1/leaderboards/all-time?courseId=nope", ana.accessToken()), 400, "courseId");
        MvcTestResult unknown = api.get("/api/v1/leaderboards/all-time?courseId=" + UUID.randomUUID(), ana.accessToken());
        assertThat(unknown).hasStatus(404);
        assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.json(unknown).get("field").asString()).isEqualTo("courseId");
        assertThat(api.get("/api/v1/leaderboards/weekly", null)).hasStatus(401);
    }

    @Test
    void deletingTheAccountRemovesTheLearnerFromLeaguesAndBoards() {
        fixture.nextWeek(1);
        Learner ana = api.register("ana");
        String course = api.demoCourseId(ana.accessToken());
        fixture.earn(ana.id(), UUID.fromString(course), 25);
        LeagueWeek week = LeagueWeek.of(clock.instant());
        UUID cohort = jdbc.sql("select cohort_id from gamification_league_entry where user_id = :u")
                .param("u", ana.id()).query(UUID.class).single();
        int seats = jdbc.sql("select members from gamification_league_cohort where id = :c").param("c", cohort)
                .query(Integer.class).single();

        assertThat(api.delete("/api/v1/me", Map.of("password", ana.password()), ana.accessToken())).hasStatus(204);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from gamification_board_score where user_id = :u").param("u", ana.id())
                .query(Integer.class).single() == 0);
        for (String table : List.of("gamification_league_entry", "gamification_league_member",
                "gamification_league_xp_seen")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where user_id = :u").param("u", ana.id())
                    .query(Integer.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("select members from gamification_league_cohort where id = :c").param("c", cohort)
                .query(Integer.class).single()).isEqualTo(seats - 1);
        for (Board board : Board.forXp(week, UUID.fromString(course))) {
            assertThat(leaderboards.page(board, 0, 1, ana.id()).me()).as(board.toString()).isNull();
        }
    }

    private void assertProblem(MvcTestResult result, int status, String field) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode errors = api.json(result).get("errors");
        assertThat(errors).extracting(e -> e.get("field").asString()).contains(field);
    }
}
