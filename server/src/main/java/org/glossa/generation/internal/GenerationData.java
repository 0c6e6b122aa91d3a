package org.glossa.generation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.glossa.identity.AccountDeleted;
import org.glossa.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Generation's part of a learner's data: their daily counters, and the jobs and reviews they did as an
 * editor. Explanations themselves are not stored. On deletion the counters go and the editor's id is
 * removed from jobs and suggestions (which stay, as course history).
 */
@Component
class GenerationData implements PersonalData {

    private final JdbcClient jdbc;

    GenerationData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "generation";
    }

    @Override
    public Object export(UUID userId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dailyCounters", jdbc.sql("select kind, quota_day, used from generation_quota where subject = :s order by quota_day, kind")
                .param("s", userId.toString()).query().listOfRows());
        data.put("jobsRequested", jdbc.sql("select id, kind, status, requested_at from generation_job where requested_by = :u "
                + "order by requested_at").param("u", userId).query().listOfRows());
        data.put("suggestionsReviewed", jdbc.sql("select id, kind, state, reviewed_at from generation_suggestion "
                + "where reviewed_by = :u or edited_by = :u order by created_at").param("u", userId).query().listOfRows());
        return data;
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        UUID user = deleted.userId();
        jdbc.sql("delete from generation_quota where subject = :s").param("s", user.toString()).update();
        jdbc.sql("update generation_job set requested_by = null where requested_by = :u").param("u", user).update();
        jdbc.sql("update generation_suggestion set reviewed_by = null where reviewed_by = :u").param("u", user).update();
        jdbc.sql("update generation_suggestion set edited_by = null where edited_by = :u").param("u", user).update();
    }
}
