package org.glossa.gamification.league;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.gamification.XpEarned;
import org.glossa.shared.runtime.Database;
import org.glossa.shared.runtime.Statements;
import org.springframework.core.Ordered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Counts each XP ledger entry once for the learner's league week and on the leaderboards. The XP counts for the
 * league week of its instant; if that week is already closed (a late or replayed event), for the current week.
 * Ended weeks are closed before XP of a new week is counted, so that the learner joins the cohort of their new
 * tier.
 *
 * <p>XP from a completed session is counted inside the transaction that writes the ledger (a synchronous listener
 * that counts just before the commit), so the reaction pays no second transaction. {@link XpEarned} is published
 * only for a ledger entry its transaction has just written, so an entry counted there is counted exactly once: a
 * replay finds the ledger's row and publishes nothing, and the count commits or rolls back with the row. XP counted
 * by {@link #count} (outside a ledger transaction) is kept to one count by its {@code gamification_league_xp_seen}
 * row, and {@link #count} skips entries the ledger holds. Whoever publishes {@link XpEarned} inside a transaction
 * closes ended weeks before taking any lock (see {@link #prepare()}), since a close runs in its own transaction and
 * must not wait behind one that holds a learner's rows.
 */
@Component
public class LeagueXp {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LeagueXp.class);

    private final JdbcTemplate template;
    private final Cohorts cohorts;
    private final BoardScores scores;
    private final Leaderboards leaderboards;
    private final WeeklyClose close;
    private final Clock clock;
    private final WeekGate gate;
    private final TransactionTemplate transactions;
    private final Database database;

    LeagueXp(JdbcTemplate template, Cohorts cohorts, BoardScores scores, Leaderboards leaderboards,
            WeeklyClose close, WeekGate gate, Clock clock, PlatformTransactionManager transactionManager,
            Database database) {
        this.database = database;
        this.gate = gate;
        this.template = template;
        this.cohorts = cohorts;
        this.scores = scores;
        this.leaderboards = leaderboards;
        this.close = close;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Closes ended weeks if the cheap check says some may be open: call before a transaction that earns XP. */
    public void prepare() {
        close.closeEndedWeeksIfNeeded();
    }

    /**
     * XP earned in the publisher's transaction. The entries of one transaction (a session's base XP and its bonus)
     * are counted together just before it commits: one seat, one score update, one batch of board updates.
     */
    @EventListener
    void on(XpEarned xp) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("XpEarned must be published inside the ledger's transaction");
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (!pending.gated) {
            // Now, before the reaction goes on to the gem wallet that a close also writes.
            pending.gated = gate.holdOpenIfNeeded(xp.earnedAt(), clock.instant());
        }
        pending.entries.add(xp);
    }

    /** The XP entries of the current transaction, counted before it commits. */
    private final class Pending implements TransactionSynchronization {

        final List<XpEarned> entries = new ArrayList<>();
        boolean gated;

        /** Before the database's own writes queued for the commit, so that they go in this count's batch. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE - 1;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            countHere(entries);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(LeagueXp.this);
        }
    }

    /**
     * Counts one entry in its own transaction, closing ended weeks first; returns false when it was counted before
     * (its {@code gamification_league_xp_seen} row, or a ledger row, which its own transaction counted). For XP that
     * no ledger transaction counted (a replay, a recount).
     */
    boolean count(XpEarned xp) {
        close.closeEndedWeeksIfNeeded();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            gate.holdOpenIfNeeded(xp.earnedAt(), clock.instant());
            int fresh = template.update("""
                    insert into gamification_league_xp_seen (entry_id, user_id, seen_at)
                    select ?, ?, ? where not exists (select 1 from gamification_xp where id = ?)
                    on conflict do nothing
                    """, xp.entryId(), xp.userId(), utc(clock.instant()), xp.entryId());
            if (fresh == 0) {
                return false;
            }
            countHere(List.of(xp));
            return true;
        }));
    }

    /**
     * Counts, in the current transaction, entries not counted before: each learner's XP of one week and course in
     * one step. The copies of the boards beside the database (Redis) are sent first and awaited last, so that their
     * round trip overlaps the database's.
     */
    private void countHere(List<XpEarned> entries) {
        Instant now = clock.instant();
        record Key(UUID userId, LeagueWeek week, UUID courseId) {
        }
        Map<Key, List<XpEarned>> groups = new LinkedHashMap<>();
        for (XpEarned xp : entries) {
            groups.computeIfAbsent(new Key(xp.userId(), weekFor(xp, now), xp.courseId()), k -> new ArrayList<>())
                    .add(xp);
        }
        record Count(Key key, int amount, List<Board> boards, List<XpEarned> entries, Instant reached) {
        }
        List<Count> counts = new ArrayList<>(groups.size());
        groups.forEach((key, xps) -> counts.add(new Count(key, xps.stream().mapToInt(XpEarned::amount).sum(),
                Board.forXp(key.week(), key.courseId()), xps,
                // Late XP moved into this week counts as reached when the week began.
                xps.stream().map(XpEarned::earnedAt).max(Instant::compareTo)
                        .filter(at -> !at.isBefore(key.week().startsAt())).orElse(key.week().startsAt()))));
        List<Leaderboards.Written> written = new ArrayList<>(counts.size());
        for (Count count : counts) {
            // One Redis call for the group, marked by its smallest entry id so that Redis applies it once.
            UUID mark = count.entries().stream().map(XpEarned::entryId).min(UUID::compareTo).orElseThrow();
            written.add(leaderboards.counted(mark, count.key().userId(), count.amount(), count.boards()));
        }
        // Should the transaction roll back after all (a statement below fails, or the commit), the copies
        // beside the database take the counts back: a retry then counts them again, once.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    for (Leaderboards.Written write : written) {
                        try {
                            write.undo();
                        } catch (RuntimeException e) {
                            log.warn("Could not take back a leaderboard count after a rollback; rebuild the boards"
                                    + " from the database if they differ", e);
                        }
                    }
                }
            }
        });
        // The updates of the learners' entries and board scores go in one batch (one round trip on PostgreSQL, with
        // the writes the transaction queued for before its commit); entries and scores not there yet come after.
        Statements statements = new Statements();
        record Sent(Count count, int entry, int[] boards) {
        }
        List<Sent> sent = new ArrayList<>(counts.size());
        for (Count count : counts) {
            UUID userId = count.key().userId();
            sent.add(new Sent(count, cohorts.addToEntry(statements, userId, count.key().week(), count.amount(),
                    count.reached()), scores.add(statements, userId, count.amount(), count.boards())));
        }
        List<Object> results = database.run(statements);
        for (Sent one : sent) {
            Count count = one.count();
            cohorts.seatIfNotAdded((Integer) results.get(one.entry()), count.key().userId(), count.key().week(),
                    count.amount(), count.reached(), now);
            scores.insertMissing(count.key().userId(), count.amount(), count.boards(),
                    java.util.Arrays.stream(one.boards()).map(index -> (Integer) results.get(index)).toArray());
        }
        written.forEach(Leaderboards.Written::await);
    }

    /** The week the XP counts for: its own, or the current one if its own is already closed. */
    private LeagueWeek weekFor(XpEarned xp, Instant now) {
        LeagueWeek week = LeagueWeek.of(xp.earnedAt());
        LeagueWeek current = LeagueWeek.of(now);
        // A week is closed only after it ends: XP of the current week needs no look at the closed weeks.
        if (current.before(week) || !week.equals(current) && close.isClosed(week)) {
            return current;
        }
        return week;
    }
}
