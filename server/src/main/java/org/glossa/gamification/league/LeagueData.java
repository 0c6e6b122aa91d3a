package org.glossa.gamification.league;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.identity.AccountDeleted;
import org.glossa.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Leagues' and leaderboards' part of a learner's data: exported on request, deleted with the account. */
@Component
class LeagueData implements PersonalData {

    private final JdbcClient jdbc;
    private final Leagues leagues;
    private final BoardScores scores;
    private final Leaderboards leaderboards;

    LeagueData(JdbcClient jdbc, Leagues leagues, BoardScores scores, Leaderboards leaderboards) {
        this.jdbc = jdbc;
        this.leagues = leagues;
        this.scores = scores;
        this.leaderboards = leaderboards;
    }

    @Override
    public String section() {
        return "leagues";
    }

    @Override
    public Object export(UUID userId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tier", leagues.tier(userId).name());
        data.put("closedWeeks", leagues.history(userId));
        data.put("weeks", jdbc.sql("""
                select week_start, tier, xp, reached_at, joined_at from gamification_league_entry
                where user_id = :u order by week_start
                """).param("u", userId).query().listOfRows());
        data.put("leaderboards", jdbc.sql("""
                select period, scope, xp from gamification_board_score where user_id = :u order by period, scope
                """).param("u", userId).query().listOfRows());
        return data;
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        UUID userId = deleted.userId();
        List<Board> boards = scores.boardsOf(userId);
        // Free the seats this learner held in cohorts of weeks not closed yet.
        jdbc.sql("""
                update gamification_league_cohort set members = members - 1
                where id in (select e.cohort_id from gamification_league_entry e where e.user_id = :u
                             and not exists (select 1 from gamification_league_week w where w.week_start = e.week_start))
                """).param("u", userId).update();
        // In closed cohorts the learner's id gives way to the zero UUID: nobody else's rank or tier changes.
        jdbc.sql("""
                update gamification_league_cohort set ranking = replace(ranking, :u, :gone)
                where ranking is not null and id in (select cohort_id from gamification_league_entry where user_id = :id)
                """).param("u", userId.toString()).param("gone", Ranking.GONE).param("id", userId).update();
        for (String table : new String[] { "gamification_league_entry", "gamification_league_member",
                "gamification_league_xp_seen" }) {
            jdbc.sql("delete from " + table + " where user_id = :u").param("u", userId).update();
        }
        scores.delete(userId);
        leaderboards.removed(userId, boards);
    }
}
