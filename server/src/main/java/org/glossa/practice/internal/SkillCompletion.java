package org.glossa.practice.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.content.Courses;
import org.glossa.practice.LearnerProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers other modules' questions about a learner's progress (achievements count completed skills). */
@Component
class SkillCompletion implements LearnerProgress {

    private final JdbcClient jdbc;
    private final Courses courses;

    SkillCompletion(JdbcClient jdbc, Courses courses) {
        this.jdbc = jdbc;
        this.courses = courses;
    }

    @Override
    public int skillsCompleted(UUID userId) {
        Map<UUID, Integer> times = new HashMap<>();
        jdbc.sql("select lesson_id, times from practice_lesson_done where user_id = :user").param("user", userId)
                .query((rs, n) -> times.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        if (times.isEmpty()) {
            return 0;
        }
        List<UUID> enrolled = jdbc.sql("select course_id from practice_enrollment where user_id = :user")
                .param("user", userId).query(UUID.class).list();
        int completed = 0;
        for (UUID course : enrolled) {
            completed += courses.outline(course).map(outline -> (int) PathProgress.of(outline, times).skills().values()
                    .stream().filter(skill -> skill.lock() == PathProgress.Lock.COMPLETED).count()).orElse(0);
        }
        return completed;
    }
}
