package org.glossa.practice.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.glossa.shared.time.Timestamps.utc;

/** Which courses a learner takes. Enrolling twice is harmless. */
@Component
public class Enrollments {

    private final JdbcClient jdbc;
    private final Clock clock;

    Enrollments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Enrolls the learner; true when this call did it, false when they already were. */
    @Transactional
    public boolean enroll(UUID userId, UUID courseId) {
        // ON CONFLICT DO NOTHING (PostgreSQL, and H2 in its PostgreSQL mode) keeps a race from failing the transaction.
        return jdbc.sql("""
                insert into practice_enrollment (user_id, course_id, enrolled_at) values (:user, :course, :now)
                on conflict do nothing
                """).param("user", userId).param("course", courseId)
                .param("now", utc(clock.instant())).update() == 1;
    }

    public Optional<OffsetDateTime> enrolledAt(UUID userId, UUID courseId) {
        return jdbc.sql("select enrolled_at from practice_enrollment where user_id = :user and course_id = :course")
                .param("user", userId).param("course", courseId).query(OffsetDateTime.class).optional();
    }
}
