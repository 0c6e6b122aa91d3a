package org.glossa.gamification.league;

import org.glossa.shared.runtime.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index that ranks a board's scores by XP ({@code gamification_board_score_rank_idx}), which only the database's
 * own leaderboards read. Where they serve the boards it is made if missing; where Redis serves them it is dropped.
 * With XP in an index, every XP update writes a new version of the row into each of the table's indexes and leaves a
 * dead one in each; without it, PostgreSQL updates the row in place (a HOT update), and a completed session updates
 * four boards. The boards' contents never depend on it: a node that switches between Redis and the database finds
 * the same scores, ranked fast once its start has made the index.
 */
final class RankIndex {

    private static final Logger log = LoggerFactory.getLogger(RankIndex.class);
    static final String NAME = "gamification_board_score_rank_idx";
    /** The advisory lock of the index's creation, in the week gate's namespace: nodes starting together make it once. */
    private static final int KEY = 2;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Database database;

    RankIndex(JdbcClient jdbc, TransactionTemplate transactions, Database database) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.database = database;
    }

    /** Makes the index if it is missing (the database's leaderboards rank with it). */
    void keep() {
        transactions.executeWithoutResult(tx -> {
            if (database.postgres()) {
                jdbc.sql("select pg_advisory_xact_lock(:ns, :key)").param("ns", WeekGate.NAMESPACE).param("key", KEY).query()
                        .listOfRows();
            }
            if (!exists()) {
                long start = System.nanoTime();
                jdbc.sql("create index if not exists " + NAME
                        + " on gamification_board_score (period, scope, xp desc, user_id)").update();
                log.info("Made the leaderboards' rank index in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
        });
    }

    /** Drops the index if it is there (Redis ranks the boards). */
    void drop() {
        if (exists()) {
            jdbc.sql("drop index if exists " + NAME).update();
            log.info("Dropped the database's leaderboard rank index: Redis ranks the boards");
        }
    }

    boolean exists() {
        String sql = database.postgres() ? "select count(*) from pg_indexes where indexname = :n"
                : "select count(*) from information_schema.indexes where lower(index_name) = :n";
        return jdbc.sql(sql).param("n", NAME).query(Long.class).single() > 0;
    }
}
