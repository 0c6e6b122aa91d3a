package org.glossa.gamification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.glossa.gamification.QuestCompleted;
import org.glossa.gamification.internal.GamificationSettings.Quest;
import org.glossa.gamification.internal.GamificationSettings.QuestKind;
import org.glossa.shared.runtime.Database;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Daily quests: each learner day has its own quests, chosen from the catalogue by a seed made of the learner
 * and the date (same learner and day, same quests; kinds never repeat within a day). A new day (the learner's
 * day start) starts new quests; each is rewarded once, when its progress reaches the target.
 */
@Component
public class Quests {

    public record QuestView(String code, String kind, int target, int progress, int gems, boolean completed,
            Instant completedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final GamificationSettings settings;
    private final Wallet wallet;
    private final ApplicationEventPublisher events;
    private final Database database;

    Quests(JdbcClient jdbc, JdbcTemplate template, GamificationSettings settings, Wallet wallet,
            ApplicationEventPublisher events, Database database) {
        this.database = database;
        this.jdbc = jdbc;
        this.template = template;
        this.settings = settings;
        this.wallet = wallet;
        this.events = events;
    }

    /** The quests of a learner's day, chosen deterministically. */
    List<Quest> choose(UUID userId, LocalDate day) {
        List<Quest> catalogue = new ArrayList<>(settings.catalogue());
        Collections.shuffle(catalogue, new Random(userId.getMostSignificantBits() ^ userId.getLeastSignificantBits()
                ^ day.toEpochDay() * 0x9E3779B97F4A7C15L));
        Set<QuestKind> kinds = EnumSet.noneOf(QuestKind.class);
        List<Quest> chosen = new ArrayList<>();
        for (Quest quest : catalogue) {
            if (chosen.size() < settings.questsPerDay() && kinds.add(quest.kind())) {
                chosen.add(quest);
            }
        }
        return chosen;
    }

    /** The learner's quests of {@code day}, created when first asked for. */
    public List<QuestView> of(UUID userId, LocalDate day) {
        ensure(userId, day);
        return jdbc.sql("""
                select code, kind, target, progress, gems, completed_at from gamification_quest
                where user_id = :u and local_date = :d order by code
                """).param("u", userId).param("d", day).query((rs, n) -> {
                    OffsetDateTime done = rs.getObject("completed_at", OffsetDateTime.class);
                    return new QuestView(rs.getString("code"), rs.getString("kind").toLowerCase().replace('_', '-'),
                            rs.getInt("target"), Math.min(rs.getInt("progress"), rs.getInt("target")), rs.getInt("gems"),
                            done != null, done == null ? null : done.toInstant());
                }).list();
    }

    /** One quest of a learner's day as stored. */
    record Row(String code, QuestKind kind, int target, int progress, int gems, boolean completed) {

        /** A learner's quests of one day, read with {@link #read}: parameters the learner, then the day. */
        static final String OF_DAY = """
                select code, kind, target, progress, gems, completed_at from gamification_quest
                where user_id = ? and local_date = ?""";

        /** The quest of the current result row of {@link #OF_DAY}. */
        static Row read(ResultSet rs, int rowNumber) throws SQLException {
            return new Row(rs.getString("code"), QuestKind.valueOf(rs.getString("kind")), rs.getInt("target"),
                    rs.getInt("progress"), rs.getInt("gems"), rs.getObject("completed_at") != null);
        }
    }

    /** A learner's quests of {@code day} as read under their lock (empty: not created yet). */
    record DayQuests(LocalDate day, List<Row> rows) {
    }

    private List<Row> rows(UUID userId, LocalDate day) {
        return template.query(Row.OF_DAY, Row::read, userId, day);
    }

    private void ensure(UUID userId, LocalDate day) {
        if (!rows(userId, day).isEmpty()) {
            return;
        }
        create(userId, day, Map.of(), null);
    }

    /**
     * Creates the day's quests in one batch, with {@code amounts} already counted (completed at {@code at} if they
     * reach their target): returns the rows as written, or null if another writer came first (then they are as that
     * writer made them, uncounted).
     */
    private List<Row> create(UUID userId, LocalDate day, Map<QuestKind, Integer> amounts, Instant at) {
        List<Row> rows = choose(userId, day).stream().map(q -> {
            int progress = Math.max(0, amounts.getOrDefault(q.kind(), 0));
            return new Row(q.code(), q.kind(), q.target(), progress, q.gems(), progress >= q.target());
        }).toList();
        int[] inserted = template.batchUpdate("""
                insert into gamification_quest (user_id, local_date, code, kind, target, progress, gems, completed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """, rows, rows.size(), (ps, quest) -> {
                    ps.setObject(1, userId);
                    ps.setObject(2, day);
                    ps.setString(3, quest.code());
                    ps.setString(4, quest.kind().name());
                    ps.setInt(5, quest.target());
                    ps.setInt(6, quest.progress());
                    ps.setInt(7, quest.gems());
                    ps.setObject(8, quest.completed() ? utc(at) : null);
                })[0];
        if (java.util.Arrays.stream(inserted).allMatch(n -> n == 1)) {
            return rows;
        }
        if (java.util.Arrays.stream(inserted).anyMatch(n -> n == 1)) {
            // Some ours, some another writer's: ours must not keep counts the others do not have. Start them at zero.
            template.batchUpdate("""
                    update gamification_quest set progress = 0, completed_at = null where user_id = ? and local_date = ?
                    and code = ?
                    """, rows, rows.size(), (ps, quest) -> {
                        ps.setObject(1, userId);
                        ps.setObject(2, day);
                        ps.setString(3, quest.code());
                    });
        }
        return null;
    }

    /**
     * Moves the day's open quests: counts add up, except {@link QuestKind#CORRECT_IN_A_ROW} whose progress is the
     * longest run; a quest that reaches its target is completed and paid once. Runs under the learner's lock;
     * {@code known}: the quests read with it (null, or of another day: they are read here).
     */
    void progress(UUID userId, LocalDate day, Map<QuestKind, Integer> amounts, Instant at, DayQuests known) {
        List<Row> quests = known != null && known.day().equals(day) ? known.rows() : rows(userId, day);
        if (quests.isEmpty()) {
            // The day's first activity: the quests are written with it counted, in one batch.
            List<Row> created = create(userId, day, amounts, at);
            if (created != null) {
                for (Row quest : created) {
                    if (quest.completed()) {
                        paid(userId, day, quest, at);
                    }
                }
                return;
            }
            quests = rows(userId, day);
        }
        record Step(Row quest, int progress, boolean reached) {
        }
        List<Step> steps = new ArrayList<>();
        for (Row quest : quests) {
            int amount = amounts.getOrDefault(quest.kind(), 0);
            if (quest.completed() || amount <= 0) {
                continue;
            }
            int next = quest.kind() == QuestKind.CORRECT_IN_A_ROW ? Math.max(quest.progress(), amount)
                    : quest.progress() + amount;
            if (next != quest.progress()) {
                steps.add(new Step(quest, next, next >= quest.target()));
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        // Written with the transaction's next batch of statements or just before its commit (the learner's lock is
        // held, so these rows are ours to write, and nothing reads them back before then).
        for (Step step : steps) {
            database.later("""
                    update gamification_quest set progress = ?, completed_at = ?
                    where user_id = ? and local_date = ? and code = ?
                    """, step.progress(), step.reached() ? utc(at) : null, userId, day, step.quest().code());
        }
        for (Step step : steps) {
            if (step.reached()) {
                paid(userId, day, step.quest(), at);
            }
        }
    }

    /** A quest just completed: its gems (once, by its reference) and the event. */
    private void paid(UUID userId, LocalDate day, Row quest, Instant at) {
        wallet.grantBeforeCommit(userId, quest.gems(), "quest " + quest.code(), "quest:" + day + ":" + quest.code());
        events.publishEvent(new QuestCompleted(userId, day, quest.code(), quest.gems(), at));
    }
}
