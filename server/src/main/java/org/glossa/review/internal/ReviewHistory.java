package org.glossa.review.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import org.glossa.fsrs.CardState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.glossa.shared.time.Timestamps.utc;

/** A learner's review log as they see it: recent figures, and every review in order for export. */
@Component
public class ReviewHistory {

    /** Reviews since an instant: all of them, those of graduated items, and of these the ones recalled. */
    public record Recent(long reviews, long graduated, long recalled) {
    }

    /** One logged review; {@code durationMs} is null when the client did not say. */
    public record LoggedReview(UUID itemId, Instant reviewedAt, int rating, Integer durationMs, CardState state) {
    }

    private final JdbcClient jdbc;

    ReviewHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One pass over the reviews since {@code since}. */
    public Recent since(UUID userId, Instant since) {
        return jdbc.sql("""
                select count(*) as reviews,
                    coalesce(sum(case when state = 'REVIEW' then 1 else 0 end), 0) as graduated,
                    coalesce(sum(case when state = 'REVIEW' and rating > 1 then 1 else 0 end), 0) as recalled
                from review_log where user_id = :u and reviewed_at >= :since
                """).param("u", userId).param("since", utc(since))
                .query((rs, n) -> new Recent(rs.getLong("reviews"), rs.getLong("graduated"), rs.getLong("recalled")))
                .single();
    }

    /** Every review of the learner, oldest first, streamed to {@code each}. */
    public void forEach(UUID userId, Consumer<LoggedReview> each) {
        jdbc.sql("""
                select item_id, reviewed_at, rating, duration_ms, state from review_log where user_id = :u
                order by reviewed_at, id
                """).param("u", userId).query(rs -> {
                    each.accept(new LoggedReview(rs.getObject("item_id", UUID.class),
                            rs.getObject("reviewed_at", OffsetDateTime.class).toInstant(), rs.getInt("rating"),
                            (Integer) rs.getObject("duration_ms", Integer.class), CardState.valueOf(rs.getString("state"))));
                });
    }
}
