package org.glossa.gamification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.glossa.identity.AccountDeleted;
import org.glossa.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Gamification's part of a learner's data (leagues keep their own): exported on request, deleted with the account. */
@Component
class GamificationData implements PersonalData {

    static final String[] TABLES = { "gamification_learner", "gamification_session_done", "gamification_answer_done",
            "gamification_xp", "gamification_streak_day", "gamification_wallet", "gamification_gem_entry",
            "gamification_purchase", "gamification_quest", "gamification_achievement" };

    private final JdbcClient jdbc;

    GamificationData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "gamification";
    }

    @Override
    public Object export(UUID userId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", jdbc.sql("select * from gamification_learner where user_id = :u").param("u", userId)
                .query().listOfRows());
        data.put("xp", jdbc.sql("""
                select source, amount, earned_at, local_date, course_id, session_id from gamification_xp
                where user_id = :u order by earned_at
                """).param("u", userId).query().listOfRows());
        data.put("streakDays", jdbc.sql("select local_date, state from gamification_streak_day where user_id = :u order by local_date")
                .param("u", userId).query().listOfRows());
        data.put("gems", jdbc.sql("select gems from gamification_wallet where user_id = :u").param("u", userId)
                .query().listOfRows());
        data.put("gemLedger", jdbc.sql("""
                select amount, reason, reference, created_at from gamification_gem_entry where user_id = :u
                order by created_at
                """).param("u", userId).query().listOfRows());
        data.put("purchases", jdbc.sql("""
                select purchase_id, item, price, created_at from gamification_purchase where user_id = :u order by created_at
                """).param("u", userId).query().listOfRows());
        data.put("quests", jdbc.sql("""
                select local_date, code, kind, target, progress, gems, completed_at from gamification_quest where user_id = :u
                order by local_date, code
                """).param("u", userId).query().listOfRows());
        data.put("achievements", jdbc.sql("""
                select kind, tier, threshold, unlocked_at from gamification_achievement where user_id = :u
                order by kind, tier
                """).param("u", userId).query().listOfRows());
        return data;
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        for (String table : TABLES) {
            jdbc.sql("delete from " + table + " where user_id = :u").param("u", deleted.userId()).update();
        }
    }
}
