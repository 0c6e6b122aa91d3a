package org.glossa.gamification.league;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.gamification.XpEarned;
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
 * that counts just before the commit), so the reaction pays no second transaction; each entry's
 * {@code gamification_league_xp_seen} row keeps it to one count whatever path counts it. Whoever publishes
 * {@link XpEarned} inside a transaction closes ended weeks before taking any lock (see {@link #prepare()}), since a
 * close runs in its own transaction and must not wait behind one that holds a learner's rows.
 */
@Component
public class LeagueXp {

    private final JdbcTemplate template;
    private final Cohorts cohorts;
    private final BoardScores scores;
    private final Leaderboards leaderboards;
    private final WeeklyClose close;
    private final Clock clock;
    private final WeekGate gate;
    private final TransactionTemplate transactions;

    LeagueXp(JdbcTemplate template, Cohorts cohorts, BoardScores scores, Leaderboards leaderboards,
            WeeklyClose close, WeekGate gate, Clock clock, PlatformTransactionManager transactionManager) {
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
     * Counts one entry in its own transaction, closing ended weeks first; returns false when it was counted before.
     * For XP that no ledger transaction counted (a replay, a recount).
     */
    boolean count(XpEarned xp) {
        close.closeEndedWeeksIfNeeded();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            gate.holdOpenIfNeeded(xp.earnedAt(), clock.instant());
            return countHere(List.of(xp)) == 1;
        }));
    }

    /**
     * Counts, in the current transaction, the entries without a {@code gamification_league_xp_seen} row yet: each
     * learner's XP of one week and course in one step. Returns how many entries were new.
     */
    private int countHere(List<XpEarned> entries) {
        Instant now = clock.instant();
        int[] fresh = template.batchUpdate("""
                insert into gamification_league_xp_seen (entry_id, user_id, seen_at) values (?, ?, ?)
                on conflict do nothing
                """, entries, entries.size(), (ps, xp) -> {
                    ps.setObject(1, xp.entryId());
                    ps.setObject(2, xp.userId());
                    ps.setObject(3, utc(now));
                })[0];
        record Key(UUID userId, LeagueWeek week, UUID courseId) {
        }
        Map<Key, List<XpEarned>> groups = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (fresh[i] != 0) {
                XpEarned xp = entries.get(i);
                groups.computeIfAbsent(new Key(xp.userId(), weekFor(xp, now), xp.courseId()), k -> new ArrayList<>())
                        .add(xp);
            }
        }
        groups.forEach((key, xps) -> {
            LeagueWeek week = key.week();
            int amount = xps.stream().mapToInt(XpEarned::amount).sum();
            // Late XP moved into this week counts as reached when the week began.
            Instant reached = xps.stream().map(XpEarned::earnedAt).max(Instant::compareTo)
                    .filter(at -> !at.isBefore(week.startsAt())).orElse(week.startsAt());
            cohorts.add(key.userId(), week, amount, reached, now);
            var boards = Board.forXp(week, key.courseId());
            scores.add(key.userId(), amount, boards);
            // One Redis call for the group, marked by its smallest entry id: a retry of this transaction forms the
            // same group and finds the mark.
            UUID mark = xps.stream().map(XpEarned::entryId).min(UUID::compareTo).orElseThrow();
            leaderboards.counted(mark, key.userId(), amount, boards);
        });
        return groups.values().stream().mapToInt(List::size).sum();
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
