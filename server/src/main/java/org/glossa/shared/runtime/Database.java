package org.glossa.shared.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which database the server runs on: PostgreSQL in production, H2 (PostgreSQL mode) as the embedded default. For the
 * few places that use what only PostgreSQL offers (COPY, asynchronous commit, set-based statements H2 lacks) and keep
 * a portable path for H2. Asked of the first connection, once.
 */
@Component
public class Database {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Runs the transaction's writes queued by {@link #later} and then {@code statements}, in one round trip on
     * PostgreSQL (see {@link Statements}); returns the results of {@code statements}, in their order.
     */
    public List<Object> run(Statements statements) {
        Statements all = statements;
        Later queued = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Later) TransactionSynchronizationManager.getResource(this) : null;
        if (queued != null && !queued.writes.isEmpty()) {
            all = queued.writes;
            queued.writes = new Statements();
            all.addAll(statements);
        }
        List<Object> results = all.run(jdbc, postgres());
        return results.subList(results.size() - statements.size(), results.size());
    }

    /**
     * Queues a write whose result nobody needs, to go in the same round trip as the transaction's next
     * {@link #run}, or on its own just before the commit. For a reaction's last writes: nothing in the transaction
     * may read what it writes before then.
     */
    public void later(String sql, Object... params) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("later() needs a transaction to write in");
        }
        Later queued = (Later) TransactionSynchronizationManager.getResource(this);
        if (queued == null) {
            queued = new Later();
            TransactionSynchronizationManager.bindResource(this, queued);
            TransactionSynchronizationManager.registerSynchronization(queued);
        }
        queued.writes.update(sql, params);
    }

    /** The writes queued in one transaction; whatever no {@link #run} took is written last before the commit. */
    private final class Later implements TransactionSynchronization {

        Statements writes = new Statements();

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            run(new Statements());
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Database.this);
        }
    }

    /**
     * Lets the current transaction commit without waiting for PostgreSQL's disk flush ({@code set local
     * synchronous_commit = off}); nothing on H2. Its changes are visible at once and a crash can lose only the last
     * fraction of a second of such commits: the caller must be able to do the work again (an event the registry
     * republishes, an import that resumes). Must run inside the transaction it applies to.
     */
    public void commitWithoutWaitingForDisk() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("commitWithoutWaitingForDisk() needs a transaction to apply to");
        }
        if (postgres()) {
            new JdbcTemplate(dataSource).execute("set local synchronous_commit = off");
        }
    }

    /**
     * {@link #commitWithoutWaitingForDisk()} without a round trip of its own, for a statement that selects its one
     * row: a FROM item, named {@code async}, whose column {@code async_commit} the statement must test for
     * {@code 'off'} so that it is evaluated ({@code insert ... select :a, :b from <this> where async.async_commit =
     * 'off'}). On PostgreSQL it sets {@code synchronous_commit} for the current transaction as
     * {@code set local} does; on H2 it is one row with nothing set.
     */
    public String commitWithoutWaitingForDiskFrom() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("commitWithoutWaitingForDiskFrom() needs a transaction to apply to");
        }
        return postgres() ? "(select set_config('synchronous_commit', 'off', true) as async_commit) async"
                : "(select 'off' as async_commit) async";
    }

    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell which database this is", e);
            }
            postgres = known;
        }
        return known;
    }
}
