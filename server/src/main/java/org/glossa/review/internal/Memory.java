package org.glossa.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.glossa.fsrs.Card;
import org.glossa.fsrs.CardState;
import org.glossa.fsrs.DayBoundary;
import org.glossa.fsrs.MemoryState;
import org.glossa.fsrs.Parameters;
import org.glossa.fsrs.Rating;
import org.glossa.fsrs.ReviewOutcome;
import org.glossa.fsrs.Scheduler;
import org.glossa.fsrs.SchedulerSettings;
import org.glossa.identity.AccountView;
import org.glossa.identity.Accounts;
import org.glossa.practice.ReviewItemSource;
import org.glossa.review.LearnerMemory;
import org.glossa.shared.runtime.Statements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * A learner's memory items and their FSRS state. Reviews apply in time order and once per review
 * id; each learner's scheduler uses their time zone, day start and desired retention.
 */
@Service
public class Memory implements ReviewItemSource, LearnerMemory {

    public enum Outcome { APPLIED, DUPLICATE, STALE }

    public record Item(UUID itemId, UUID courseId, Card card) {
    }

    public record Settings(double desiredRetention, int dayStartHour) {
        static final Settings DEFAULT = new Settings(0.9, DayBoundary.DEFAULT_START_HOUR);
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    Memory(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Settings settings(UUID userId) {
        return jdbc.sql("select desired_retention, day_start_hour from review_settings where user_id = :u")
                .param("u", userId).query((rs, n) -> new Settings(rs.getDouble(1), rs.getInt(2))).optional()
                .orElse(Settings.DEFAULT);
    }

    @Override
    public int dayStartHour(UUID userId) {
        return settings(userId).dayStartHour();
    }

    @Override
    public long itemsMet(UUID userId) {
        return jdbc.sql("select count(*) from review_item where user_id = :u").param("u", userId).query(Long.class).single();
    }

    @Override
    public Statements.Pending<Summary> summary(Statements batch, UUID userId) {
        return batch.read("""
                select (select day_start_hour from review_settings where user_id = ?),
                       (select count(*) from review_item where user_id = ?)""", rs -> {
                    rs.next();
                    Integer dayStart = rs.getObject(1, Integer.class);
                    return new Summary(dayStart == null ? Settings.DEFAULT.dayStartHour() : dayStart, rs.getLong(2));
                }, userId, userId);
    }

    @Transactional
    public Settings changeSettings(UUID userId, Double retention, Integer dayStartHour) {
        Settings current = settings(userId);
        Settings next = new Settings(retention != null ? retention : current.desiredRetention(),
                dayStartHour != null ? dayStartHour : current.dayStartHour());
        int updated = jdbc.sql("update review_settings set desired_retention = :r, day_start_hour = :h where user_id = :u")
                .param("r", next.desiredRetention()).param("h", next.dayStartHour()).param("u", userId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into review_settings (user_id, desired_retention, day_start_hour) values (:u, :r, :h)
                    on conflict do nothing
                    """).param("u", userId).param("r", next.desiredRetention()).param("h", next.dayStartHour()).update();
        }
        return next;
    }

    public ZoneId zoneOf(UUID userId) {
        return accounts.find(userId).map(AccountView::timeZone).orElse(ZoneOffset.UTC);
    }

    /** The learner's newest adopted parameters, or the defaults. */
    public Parameters parameters(UUID userId) {
        return jdbc.sql("select parameters from review_parameters where user_id = :u order by created_at desc limit 1")
                .param("u", userId).query(String.class).optional()
                .map(text -> Parameters.of(java.util.Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray()))
                .orElse(Parameters.DEFAULT);
    }

    public Scheduler scheduler(UUID userId) {
        Settings settings = settings(userId);
        return new Scheduler(parameters(userId), SchedulerSettings.defaults()
                .withDesiredRetention(settings.desiredRetention())
                .withDayBoundary(zoneOf(userId), settings.dayStartHour()));
    }

    public Optional<Item> item(UUID userId, UUID itemId) {
        return jdbc.sql(ITEM + " where user_id = :u and item_id = :i").param("u", userId).param("i", itemId)
                .query((rs, n) -> item(rs)).optional();
    }

    /**
     * Applies one review with the learner's scheduler (see {@link #scheduler}; callers applying several
     * reviews build it once); stale (older than the item's last review) and repeated reviews change nothing.
     */
    @Transactional
    public Outcome review(Scheduler scheduler, UUID userId, UUID courseId, UUID itemId, Rating rating, Instant at,
            Integer durationMs, String reviewId, String source) {
        // As precise as it is stored (the database keeps microseconds, rounding the rest): a review at the same
        // instant as the item's last one must not look older than it.
        at = at.truncatedTo(ChronoUnit.MICROS);
        if (jdbc.sql("select count(*) from review_log where user_id = :u and review_id = :r").param("u", userId)
                .param("r", reviewId).query(Long.class).single() > 0) {
            return Outcome.DUPLICATE;
        }
        // Read and lock in one: concurrent reviews of one item apply one after the other.
        Optional<Item> existing = jdbc.sql(ITEM + " where user_id = :u and item_id = :i for update").param("u", userId)
                .param("i", itemId).query((rs, n) -> item(rs)).optional();
        Card card = existing.map(Item::card).orElse(Card.newCard(at));
        if (card.lastReview() != null && at.isBefore(card.lastReview())) {
            return Outcome.STALE;
        }
        ReviewOutcome outcome = scheduler.review(card, rating, at);
        Card next = outcome.card();
        var params = new java.util.HashMap<String, Object>();
        params.put("u", userId);
        params.put("i", itemId);
        params.put("c", existing.map(Item::courseId).orElse(courseId));
        params.put("state", next.state().name());
        params.put("step", next.step());
        params.put("s", next.memory() == null ? null : next.memory().stability());
        params.put("d", next.memory() == null ? null : next.memory().difficulty());
        params.put("due", utc(next.due()));
        params.put("last", utc(next.lastReview()));
        params.put("days", next.scheduledDays());
        params.put("reps", next.reps());
        params.put("lapses", next.lapses());
        if (existing.isPresent()) {
            jdbc.sql("""
                    update review_item set state = :state, step = :step, stability = :s, difficulty = :d, due = :due,
                        last_review = :last, scheduled_days = :days, reps = :reps, lapses = :lapses
                    where user_id = :u and item_id = :i
                    """).params(params).update();
        } else {
            int inserted = jdbc.sql("""
                    insert into review_item (user_id, item_id, course_id, state, step, stability, difficulty, due,
                        last_review, scheduled_days, reps, lapses)
                    values (:u, :i, :c, :state, :step, :s, :d, :due, :last, :days, :reps, :lapses)
                    on conflict do nothing
                    """).params(params).update();
            if (inserted == 0) {
                // Another review met the item at the same time (two answers of one lesson, each in its own
                // listener) and has committed it: apply this one on top of it, under its lock.
                return review(scheduler, userId, courseId, itemId, rating, at, durationMs, reviewId, source);
            }
        }
        jdbc.sql("""
                insert into review_log (id, user_id, review_id, item_id, rating, state, reviewed_at, duration_ms, source)
                values (:id, :u, :r, :i, :rating, :state, :at, :ms, :source)
                """).param("id", UUID.randomUUID()).param("u", userId).param("r", reviewId).param("i", itemId)
                .param("rating", rating.grade()).param("state", outcome.previousState().name()).param("at", utc(at))
                .param("ms", durationMs).param("source", source).update();
        return Outcome.APPLIED;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> dueItems(UUID userId, UUID courseId, int limit) {
        return due(userId, courseId, limit).stream().map(Item::itemId).toList();
    }

    /**
     * Due items, most at risk first (lowest retrievability now). Retrievability is ranked among the
     * longest overdue items (20 per item asked, at least 200), which the (user, due) index finds at once.
     */
    @Transactional(readOnly = true)
    public List<Item> due(UUID userId, UUID courseId, int limit) {
        Instant now = clock.instant();
        Scheduler scheduler = scheduler(userId);
        String where = courseId == null ? " where user_id = :u and due <= :now"
                : " where user_id = :u and course_id = :c and due <= :now";
        int candidates = Math.min(2000, Math.max(200, limit * 20));
        var query = jdbc.sql(ITEM + where + " order by due limit " + candidates).param("u", userId)
                .param("now", utc(now));
        if (courseId != null) {
            query = query.param("c", courseId);
        }
        List<Item> due = query.query((rs, n) -> item(rs)).list();
        return due.stream().sorted(Comparator.comparingDouble(i -> scheduler.retrievability(i.card(), now)))
                .limit(limit).toList();
    }

    public List<Item> all(UUID userId) {
        return jdbc.sql(ITEM + " where user_id = :u").param("u", userId).query((rs, n) -> item(rs)).list();
    }

    private static final String ITEM = """
            select item_id, course_id, state, step, stability, difficulty, due, last_review, scheduled_days, reps, lapses
            from review_item
            """;

    private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        CardState state = CardState.valueOf(rs.getString("state"));
        double stability = rs.getDouble("stability");
        boolean hasMemory = !rs.wasNull();
        MemoryState memory = hasMemory ? new MemoryState(stability, rs.getDouble("difficulty")) : null;
        OffsetDateTime last = rs.getObject("last_review", OffsetDateTime.class);
        Card card = new Card(state, rs.getInt("step"), memory, rs.getObject("due", OffsetDateTime.class).toInstant(),
                last == null ? null : last.toInstant(), rs.getInt("scheduled_days"), rs.getInt("reps"), rs.getInt("lapses"));
        return new Item(rs.getObject("item_id", UUID.class), rs.getObject("course_id", UUID.class), card);
    }

}
