package org.glossa.review.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.glossa.identity.AccountDeleted;
import org.glossa.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The memory model's part of a learner's data: exported on request, deleted with the account. */
@Component
class ReviewData implements PersonalData {

    private final JdbcClient jdbc;

    ReviewData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "review";
    }

    @Override
    public Object export(UUID userId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("settings", jdbc.sql("select desired_retention, day_start_hour from review_settings where user_id = :u")
                .param("u", userId).query().listOfRows());
        data.put("items", jdbc.sql("""
                select item_id, course_id, state, stability, difficulty, due, last_review, reps, lapses
                from review_item where user_id = :u order by due
                """).param("u", userId).query().listOfRows());
        data.put("reviews", jdbc.sql("""
                select review_id, item_id, rating, state, reviewed_at, duration_ms, source from review_log
                where user_id = :u order by reviewed_at
                """).param("u", userId).query().listOfRows());
        data.put("parameters", jdbc.sql("select parameters, log_loss, created_at from review_parameters where user_id = :u")
                .param("u", userId).query().listOfRows());
        data.put("optimizations", jdbc.sql("""
                select id, status, requested_at, finished_at, reviews, adopted, message from review_optimization
                where user_id = :u order by requested_at
                """).param("u", userId).query().listOfRows());
        return data;
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        for (String table : new String[] { "review_log", "review_item", "review_settings", "review_parameters",
                "review_optimization" }) {
            jdbc.sql("delete from " + table + " where user_id = :u").param("u", deleted.userId()).update();
        }
    }
}
