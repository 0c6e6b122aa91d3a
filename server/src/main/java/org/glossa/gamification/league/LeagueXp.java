package org.glossa.gamification.league;

import java.time.Clock;
import java.time.Instant;
import org.glossa.gamification.XpEarned;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts each XP ledger entry once for the learner's league week and on the leaderboards. The XP counts for the
 * league week of its instant; if that week is already closed (a late or replayed event), for the current week.
 * Ended weeks are closed before XP of a new week is counted, so that the learner joins the cohort of their new
 * tier. Not {@code @ApplicationModuleListener}: a close may need its own transaction, which must not wait behind
 * one this listener holds; the publication registry still tracks it as a transactional event listener.
 */
@Component
class LeagueXp {

    private final JdbcClient jdbc;
    private final Cohorts cohorts;
    private final BoardScores scores;
    private final Leaderboards leaderboards;
    private final WeeklyClose close;
    private final Clock clock;
    private final TransactionTemplate transactions;

    LeagueXp(JdbcClient jdbc, Cohorts cohorts, BoardScores scores, Leaderboards leaderboards, WeeklyClose close,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.cohorts = cohorts;
        this.scores = scores;
        this.leaderboards = leaderboards;
        this.close = close;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Async
    @TransactionalEventListener
    void on(XpEarned xp) {
        count(xp);
    }

    /** Counts one entry; returns false when it was counted before. */
    boolean count(XpEarned xp) {
        close.closeEndedWeeksIfNeeded();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Instant now = clock.instant();
            int fresh = jdbc.sql("""
                    insert into gamification_league_xp_seen (entry_id, user_id, seen_at) values (:id, :u, :now)
                    on conflict do nothing
                    """).param("id", xp.entryId()).param("u", xp.userId()).param("now", Cohorts.utc(now)).update();
            if (fresh == 0) {
                return false;
            }
            LeagueWeek week = LeagueWeek.of(xp.earnedAt());
            LeagueWeek current = LeagueWeek.of(now);
            if (current.before(week) || jdbc.sql("select count(*) from gamification_league_week where week_start = :w")
                    .param("w", week.start()).query(Integer.class).single() > 0) {
                week = current;
            }
            // Late XP moved into this week counts as reached when the week began.
            Instant reached = xp.earnedAt().isBefore(week.startsAt()) ? week.startsAt() : xp.earnedAt();
            cohorts.add(xp.userId(), week, xp.amount(), reached, now);
            var boards = Board.forXp(week, xp.courseId());
            scores.add(xp.userId(), xp.amount(), boards);
            leaderboards.counted(xp.entryId(), xp.userId(), xp.amount(), boards);
            return true;
        }));
    }
}
