package org.glossa.shared.runtime;

import java.util.ArrayList;
import java.util.List;
import org.glossa.GlossaIntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Asynchronous commit, set by its own statement or folded into the caller's, for one transaction only; statements
 * run together, and writes queued for the next batch or the commit.
 */
@GlossaIntegrationTest
class DatabaseIntegrationTests {

    @Autowired
    Database database;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theFoldedFormSelectsOneRowAndOnPostgreSqlTurnsOffSynchronousCommitForThatTransactionOnly() {
        String inside = transactions.execute(tx -> {
            assertThat(jdbc.sql("select 42 from " + database.commitWithoutWaitingForDiskFrom()
                    + " where async.async_commit = 'off'").query(Integer.class).list()).containsExactly(42);
            return database.postgres() ? jdbc.sql("show synchronous_commit").query(String.class).single() : "off";
        });
        assertThat(inside).isEqualTo("off");
        if (database.postgres()) {
            String after = transactions.execute(tx -> jdbc.sql("show synchronous_commit").query(String.class).single());
            assertThat(after).isEqualTo("on");
        }
    }

    @Test
    void theStatementFormToo() {
        Assumptions.assumeTrue(database.postgres(), "asynchronous commit exists only on PostgreSQL");
        String inside = transactions.execute(tx -> {
            database.commitWithoutWaitingForDisk();
            return jdbc.sql("show synchronous_commit").query(String.class).single();
        });
        assertThat(inside).isEqualTo("off");
    }

    @Test
    void bothNeedATransactionToApplyTo() {
        assertThatThrownBy(database::commitWithoutWaitingForDisk).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(database::commitWithoutWaitingForDiskFrom).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void statementsRunTogetherInOrderAndGiveTheirCountsAndRows() {
        withScratchTable(() -> {
            List<Object> results = transactions.execute(tx -> {
                Statements statements = new Statements();
                statements.update("insert into scratch_statement (id, note) values (?, ?), (?, ?)", 1, "one", 2, null);
                statements.update("update scratch_statement set note = ? where id > ?", "many", 5);
                statements.query("select id, note from scratch_statement order by id",
                        rs -> { List<String> rows = new ArrayList<>(); while (rs.next()) { rows.add(rs.getInt(1) + "=" + rs.getString(2)); } return rows; });
                statements.update("update scratch_statement set note = ? where id = ?", "two", 2);
                return database.run(statements);
            });
            assertThat(results).containsExactly(2, 0, List.of("1=one", "2=null"), 1);
            assertThat(jdbc.sql("select note from scratch_statement where id = 2").query(String.class).single()).isEqualTo("two");
        });
    }

    @Test
    void writesForLaterGoFirstInTheNextRunOrJustBeforeTheCommitAndNeverAfterARollback() {
        withScratchTable(() -> {
            transactions.executeWithoutResult(tx -> {
                database.later("insert into scratch_statement (id, note) values (?, ?)", 1, "later");
                assertThat(count()).as("not written yet").isZero();
                Statements statements = new Statements();
                statements.query("select count(*) from scratch_statement", rs -> { rs.next(); return rs.getInt(1); });
                assertThat(database.run(statements)).as("only this run's results, after the queued write")
                        .containsExactly(1);
                database.later("insert into scratch_statement (id, note) values (?, ?)", 2, "at commit");
            });
            assertThat(jdbc.sql("select note from scratch_statement order by id").query(String.class).list())
                    .containsExactly("later", "at commit");

            transactions.executeWithoutResult(tx -> {
                database.later("insert into scratch_statement (id, note) values (?, ?)", 3, "rolled back");
                tx.setRollbackOnly();
            });
            transactions.executeWithoutResult(tx -> database.run(new Statements()));
            assertThat(count()).as("the rolled back write is gone, and the next transaction starts with none").isEqualTo(2);
        });
    }

    @Test
    void aFailingQueuedWriteFailsTheCommitAndLeavesNothing() {
        withScratchTable(() -> {
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                database.later("insert into scratch_statement (id, note) values (?, ?)", 1, "first");
                database.later("insert into scratch_statement (id, note) values (?, ?)", 1, "same key");
            })).isInstanceOf(DataAccessException.class);
            assertThat(count()).isZero();
        });
    }

    @Test
    void writingLaterNeedsATransaction() {
        assertThatThrownBy(() -> database.later("select 1")).isInstanceOf(IllegalStateException.class);
    }

    private int count() {
        return jdbc.sql("select count(*) from scratch_statement").query(Integer.class).single();
    }

    private void withScratchTable(Runnable test) {
        jdbc.sql("drop table if exists scratch_statement").update();
        jdbc.sql("create table scratch_statement (id integer primary key, note varchar(40))").update();
        try {
            test.run();
        } finally {
            jdbc.sql("drop table scratch_statement").update();
        }
    }
}
