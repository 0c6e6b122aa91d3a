package org.glossa.gamification.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.glossa.gamification.Gems;
import org.glossa.shared.runtime.Database;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * The gem ledger: append-only entries, one per {@code (learner, reference)}, and a wallet row per learner
 * whose balance changes only with an entry. Spending is a conditional UPDATE ({@code gems >= price}), so
 * concurrent purchases never take the balance below zero; a CHECK constraint stands behind it.
 */
@Service
public class Wallet implements Gems {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Database database;
    private final Clock clock;

    Wallet(JdbcClient jdbc, JdbcTemplate template, Database database, Clock clock) {
        this.database = database;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    @Override
    public int balance(UUID userId) {
        return jdbc.sql("select gems from gamification_wallet where user_id = :u").param("u", userId)
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * Set-based: entries are inserted in JDBC batches (a reference already paid is skipped by the unique key),
     * then each learner's wallet is credited once with the sum of their new entries, in learner order so that
     * concurrent grants cannot deadlock.
     */
    @Override
    @Transactional
    public int grant(List<GemGrant> grants) {
        if (grants.isEmpty()) {
            return 0;
        }
        for (GemGrant grant : grants) {
            if (grant.amount() <= 0) {
                throw new IllegalArgumentException("a grant must be positive: " + grant);
            }
        }
        java.time.OffsetDateTime now = utc(clock.instant());
        Map<UUID, Integer> credits = new TreeMap<>(Comparator.naturalOrder());
        int fresh = 0;
        for (int from = 0; from < grants.size(); from += BATCH) {
            List<GemGrant> chunk = grants.subList(from, Math.min(grants.size(), from + BATCH));
            List<Object[]> rows = new ArrayList<>(chunk.size());
            for (GemGrant g : chunk) {
                rows.add(new Object[] { UUID.randomUUID(), g.userId(), g.amount(), g.reason(), g.reference(), now });
            }
            int[] inserted = template.batchUpdate("""
                    insert into gamification_gem_entry (id, user_id, amount, reason, reference, created_at)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing
                    """, rows);
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] > 0) {
                    fresh++;
                    credits.merge(chunk.get(i).userId(), chunk.get(i).amount(), Integer::sum);
                }
            }
        }
        credit(credits);
        return fresh;
    }

    private void credit(Map<UUID, Integer> credits) {
        List<Map.Entry<UUID, Integer>> entries = new ArrayList<>(credits.entrySet());
        boolean postgres = database.postgres();
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<Map.Entry<UUID, Integer>> chunk = entries.subList(from, Math.min(entries.size(), from + BATCH));
            if (postgres) {
                // One statement per learner instead of two (H2 has no ON CONFLICT DO UPDATE).
                template.batchUpdate("""
                        insert into gamification_wallet (user_id, gems) values (?, ?)
                        on conflict (user_id) do update set gems = gamification_wallet.gems + excluded.gems
                        """, chunk.stream().map(e -> new Object[] { e.getKey(), e.getValue() }).toList());
                continue;
            }
            template.batchUpdate("insert into gamification_wallet (user_id, gems) values (?, 0) on conflict do nothing",
                    chunk.stream().map(e -> new Object[] { e.getKey() }).toList());
            template.batchUpdate("update gamification_wallet set gems = gems + ? where user_id = ?",
                    chunk.stream().map(e -> new Object[] { e.getValue(), e.getKey() }).toList());
        }
    }

    /** One grant, for quests and achievements; true when it was new. */
    boolean grant(UUID userId, int amount, String reason, String reference) {
        return amount > 0 && grant(List.of(new GemGrant(userId, amount, reason, reference))) == 1;
    }

    /**
     * One grant whose outcome nobody in the transaction reads, for a reaction's quests and achievements. On
     * PostgreSQL the entry and the wallet's credit are one statement (the credit takes only an entry that was new),
     * queued to go with the transaction's last batch ({@link Database#later}), so a paid quest costs no round trip of
     * its own; elsewhere it is {@link #grant} at once.
     */
    void grantBeforeCommit(UUID userId, int amount, String reason, String reference) {
        if (amount <= 0) {
            return;
        }
        if (!database.postgres()) {
            grant(userId, amount, reason, reference);
            return;
        }
        database.later("""
                with entry as (
                    insert into gamification_gem_entry (id, user_id, amount, reason, reference, created_at)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing returning user_id, amount)
                insert into gamification_wallet (user_id, gems) select user_id, amount from entry
                on conflict (user_id) do update set gems = gamification_wallet.gems + excluded.gems
                """, UUID.randomUUID(), userId, amount, reason, reference, utc(clock.instant()));
    }

    /**
     * Takes {@code price} gems if the balance holds them; false (and nothing written) otherwise. The caller's
     * transaction also records what was bought.
     */
    boolean spend(UUID userId, int price, String reason, String reference) {
        int updated = jdbc.sql("update gamification_wallet set gems = gems - :p where user_id = :u and gems >= :p")
                .param("p", price).param("u", userId).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                insert into gamification_gem_entry (id, user_id, amount, reason, reference, created_at)
                values (:id, :u, :amount, :reason, :ref, :now)
                """).param("id", UUID.randomUUID()).param("u", userId).param("amount", -price).param("reason", reason)
                .param("ref", reference).param("now", utc(clock.instant())).update();
        return true;
    }

    List<Map<String, Object>> entries(UUID userId) {
        return jdbc.sql("""
                select amount, reason, reference, created_at from gamification_gem_entry where user_id = :u
                order by created_at, reference
                """).param("u", userId).query().listOfRows();
    }
}
