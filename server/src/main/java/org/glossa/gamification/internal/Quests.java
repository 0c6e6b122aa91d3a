package org.glossa.gamification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.glossa.gamification.QuestCompleted;
import org.glossa.gamification.internal.GamificationSettings.Quest;
import org.glossa.gamification.internal.GamificationSettings.QuestKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
    private final GamificationSettings settings;
    private final Wallet wallet;
    private final ApplicationEventPublisher events;

    Quests(JdbcClient jdbc, GamificationSettings settings, Wallet wallet, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
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

    private void ensure(UUID userId, LocalDate day) {
        long existing = jdbc.sql("select count(*) from gamification_quest where user_id = :u and local_date = :d")
                .param("u", userId).param("d", day).query(Long.class).single();
        if (existing > 0) {
            return;
        }
        for (Quest quest : choose(userId, day)) {
            jdbc.sql("""
                    insert into gamification_quest (user_id, local_date, code, kind, target, progress, gems)
                    values (:u, :d, :code, :kind, :target, 0, :gems) on conflict do nothing
                    """).param("u", userId).param("d", day).param("code", quest.code()).param("kind", quest.kind().name())
                    .param("target", quest.target()).param("gems", quest.gems()).update();
        }
    }

    /**
     * Adds to the progress of the day's quests of {@code kind} ({@code absolute}: progress becomes at least
     * {@code amount}, for runs), and rewards those that reach their target. Runs under the learner's lock.
     */
    void progress(UUID userId, LocalDate day, QuestKind kind, int amount, boolean absolute, Instant at) {
        if (amount <= 0) {
            return;
        }
        ensure(userId, day);
        String set = absolute ? "greatest(progress, :n)" : "progress + :n";
        int changed = jdbc.sql("update gamification_quest set progress = " + set
                + " where user_id = :u and local_date = :d and kind = :k and completed_at is null")
                .param("n", amount).param("u", userId).param("d", day).param("k", kind.name()).update();
        if (changed == 0) {
            return;
        }
        List<Object[]> reached = jdbc.sql("""
                select code, gems from gamification_quest
                where user_id = :u and local_date = :d and kind = :k and completed_at is null and progress >= target
                """).param("u", userId).param("d", day).param("k", kind.name())
                .query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2) }).list();
        for (Object[] quest : reached) {
            String code = (String) quest[0];
            int gems = (Integer) quest[1];
            jdbc.sql("update gamification_quest set completed_at = :at where user_id = :u and local_date = :d and code = :c")
                    .param("at", Learners.time(at)).param("u", userId).param("d", day).param("c", code).update();
            wallet.grant(userId, gems, "quest " + code, "quest:" + day + ":" + code);
            events.publishEvent(new QuestCompleted(userId, day, code, gems, at));
        }
    }
}
