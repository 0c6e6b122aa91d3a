package org.glossa.gamification.league;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.glossa.shared.runtime.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a week's close from overlapping XP still being counted into that week, on any node. XP counted near a week's
 * end (within {@link #NEAR_END} of it, either side) or for another week than the current one holds the gate open
 * (shared) until its transaction ends; the close holds it shut (exclusive) for its transaction. So the close waits
 * for such XP to commit and ranks it, and XP that comes after the close finds the week closed and counts for the
 * current one. XP in the middle of a week, nearly all of it, takes no lock and pays no round trip.
 *
 * <p>On PostgreSQL the gate is a transaction-level advisory lock, shared across nodes; on the embedded database,
 * which only one process can use, a lock in this process. Both are taken before the close or the XP's learner has
 * locked any row the other needs: the close takes it first, XP takes it when the ledger publishes its first
 * entry, before quests or achievements touch the gem wallet. It assumes nodes' clocks agree within
 * {@link #NEAR_END}.
 */
@Component
class WeekGate {

    static final Duration NEAR_END = Duration.ofMinutes(5);
    /**
     * The advisory lock's key: (namespace, key) as two integers, "GLLC" for Glossa league close; the leagues' other
     * advisory locks take other keys in the same namespace.
     */
    static final int NAMESPACE = 0x474C4C43;
    private static final int KEY = 1;
    private static final long WAIT_SECONDS = 60;

    private final JdbcClient jdbc;
    private final Database database;
    private final ReentrantReadWriteLock local = new ReentrantReadWriteLock();

    WeekGate(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Holds the gate open (shared) until the current transaction ends if XP earned at {@code earnedAt} and counted
     * at {@code now} needs it; returns whether it does.
     */
    boolean holdOpenIfNeeded(Instant earnedAt, Instant now) {
        LeagueWeek week = LeagueWeek.of(now);
        boolean needed = !week.equals(LeagueWeek.of(earnedAt)) || now.isBefore(week.startsAt().plus(NEAR_END))
                || !now.isBefore(week.endsAt().minus(NEAR_END));
        if (needed) {
            hold(false);
        }
        return needed;
    }

    /** Holds the gate shut (exclusive) until the current transaction ends: no XP near a week's end meanwhile. */
    void holdShut() {
        hold(true);
    }

    private void hold(boolean exclusive) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("The league week gate is held for a transaction");
        }
        if (database.postgres()) {
            jdbc.sql(exclusive ? "select pg_advisory_xact_lock(:ns, :key)" : "select pg_advisory_xact_lock_shared(:ns, :key)")
                    .param("ns", NAMESPACE).param("key", KEY).query().listOfRows();
            return;
        }
        Lock lock = exclusive ? local.writeLock() : local.readLock();
        try {
            if (!lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The league week gate stayed " + (exclusive ? "open" : "shut")
                        + " for " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the league week gate", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlock();
            }
        });
    }
}
