package org.glossa.shared.runtime;

import org.glossa.GlossaIntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Asynchronous commit, set by its own statement or folded into the caller's, for one transaction only. */
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
}
