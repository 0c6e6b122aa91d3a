package org.glossa.practice.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.glossa.identity.AccountDeleted;
import org.glossa.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Practice's part of a learner's data: exported on request, deleted with the account. */
@Component
class PracticeData implements PersonalData {

    private final JdbcClient jdbc;

    PracticeData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "practice";
    }

    @Override
    public Object export(UUID userId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enrollments", jdbc.sql("select course_id, enrolled_at from practice_enrollment where user_id = :u")
                .param("u", userId).query().listOfRows());
        data.put("sessions", jdbc.sql("""
                select id, course_id, lesson_id, kind, status, started_at, completed_at, result
                from practice_session where user_id = :u order by started_at
                """).param("u", userId).query().listOfRows());
        data.put("answers", jdbc.sql("""
                select session_id, exercise_id, verdict, reply, answered_at from practice_answer where user_id = :u
                order by answered_at
                """).param("u", userId).query().listOfRows());
        data.put("lessonsDone", jdbc.sql("select lesson_id, skill_id, times from practice_lesson_done where user_id = :u")
                .param("u", userId).query().listOfRows());
        data.put("itemsSeen", jdbc.sql("select item_id, first_seen_at from practice_item_seen where user_id = :u")
                .param("u", userId).query().listOfRows());
        return data;
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        UUID user = deleted.userId();
        jdbc.sql("delete from practice_answer where user_id = :u").param("u", user).update();
        jdbc.sql("delete from practice_session where user_id = :u").param("u", user).update();
        jdbc.sql("delete from practice_enrollment where user_id = :u").param("u", user).update();
        jdbc.sql("delete from practice_lesson_done where user_id = :u").param("u", user).update();
        jdbc.sql("delete from practice_item_seen where user_id = :u").param("u", user).update();
    }
}
