package org.glossa.gamification.internal;

import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reaction's quest and achievement gems ({@link Wallet#grantBeforeCommit}): on PostgreSQL the entry and the
 * wallet's credit go as one queued statement with the transaction's last writes, on the embedded database at once.
 * Either way a reference pays once, the balance is the sum of the entries, and a rollback leaves nothing.
 */
@GlossaIntegrationTest
class WalletIntegrationTests {

    @Autowired
    Wallet wallet;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aGrantBeforeCommitPaysEachReferenceOnceAndTheBalanceIsTheSumOfTheEntries() {
        UUID learner = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            wallet.grantBeforeCommit(learner, 30, "quest earn-xp", "quest:2026-12-03:earn-xp");
            wallet.grantBeforeCommit(learner, 30, "quest earn-xp", "quest:2026-12-03:earn-xp");
            wallet.grantBeforeCommit(learner, 20, "achievement total-xp tier 1", "achievement:total-xp:1");
            wallet.grantBeforeCommit(learner, 0, "nothing", "nothing");
        });
        assertThat(wallet.balance(learner)).isEqualTo(50);
        assertThat(entries(learner)).isEqualTo(2);

        // A later transaction (a replayed reaction) with a reference already paid: nothing more.
        transactions.executeWithoutResult(tx -> wallet.grantBeforeCommit(learner, 30, "quest earn-xp",
                "quest:2026-12-03:earn-xp"));
        assertThat(wallet.balance(learner)).isEqualTo(50);
        assertThat(entries(learner)).isEqualTo(2);
        assertThat(jdbc.sql("select sum(amount) from gamification_gem_entry where user_id = :u").param("u", learner)
                .query(Integer.class).single()).isEqualTo(wallet.balance(learner));
    }

    @Test
    void aGrantBeforeCommitInATransactionThatRollsBackLeavesNothing() {
        UUID learner = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            wallet.grantBeforeCommit(learner, 30, "quest lessons", "quest:2026-12-03:lessons");
            tx.setRollbackOnly();
        });
        assertThat(wallet.balance(learner)).isZero();
        assertThat(entries(learner)).isZero();
    }

    private long entries(UUID learner) {
        return jdbc.sql("select count(*) from gamification_gem_entry where user_id = :u").param("u", learner)
                .query(Long.class).single();
    }
}
