package org.glossa.practice.internal;

import java.util.UUID;
import org.glossa.practice.LearnerProgress;
import org.glossa.shared.runtime.Statements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers other modules' questions about a learner's progress (achievements count completed skills). */
@Component
class SkillCompletion implements LearnerProgress {

    private final JdbcClient jdbc;

    SkillCompletion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One query: the skills of the learner's courses whose every lesson is done (the same rule as
     * {@link PathProgress}: level 1 or more). It reads the course's lessons as the session queries do.
     */
    @Override
    public int skillsCompleted(UUID userId) {
        return jdbc.sql(COUNT).params(userId, userId).query(Long.class).single().intValue();
    }

    @Override
    public Statements.Pending<Integer> skillsCompleted(Statements batch, UUID userId) {
        return batch.read(COUNT, rs -> rs.next() ? rs.getInt(1) : 0, userId, userId);
    }

    private static final String COUNT = """
            select count(*) from (
                select l.skill_id from content_lesson l
                left join practice_lesson_done o on o.user_id = ? and o.lesson_id = l.id
                where l.skill_id in (select skill_id from practice_lesson_done where user_id = ?)
                group by l.skill_id
                having count(*) = count(o.lesson_id)
            ) completed_skills""";
}
