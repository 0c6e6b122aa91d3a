package org.glossa.gamification.league;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.glossa.gamification.Gems;
import org.glossa.gamification.LeagueWeekClosed;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes league weeks: ranks every cohort, promotes, demotes, drops absent learners a tier, pays the podium in
 * gems and publishes {@link LeagueWeekClosed}. A week is closed once: the transaction that inserts its row in
 * {@code gamification_league_week} does the whole settlement, and a second node (or a second run) finds the row
 * and does nothing. Every step is one set-based statement, and each member's tier change is guarded by
 * {@code settled_week}, so the steps are idempotent as well.
 */
@Service
public class WeeklyClose {

    private static final Logger log = LoggerFactory.getLogger(WeeklyClose.class);

    private final JdbcClient jdbc;
    private final LeagueSettings settings;
    private final Gems gems;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** Every week before this one is known closed: lets each XP skip the check cheaply. */
    private volatile LeagueWeek closedBefore;

    WeeklyClose(JdbcClient jdbc, LeagueSettings settings, Gems gems, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.gems = gems;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The recurring job: closes every week that has ended by the injected clock and is not closed yet. */
    @Recurring(id = "league-week-close", cron = "${glossa.gamification.leagues.close-cron:*/5 * * * *}")
    @Job(name = "Close ended league weeks")
    public void closeEndedWeeks() {
        LeagueWeek current = LeagueWeek.of(clock.instant());
        LocalDate lastClosed = jdbc.sql("select max(week_start) from gamification_league_week")
                .query(LocalDate.class).optional().orElse(null);
        LeagueWeek week;
        if (lastClosed != null) {
            week = new LeagueWeek(lastClosed).next();
        } else {
            Optional<LocalDate> first = jdbc.sql("select min(week_start) from gamification_league_entry")
                    .query(LocalDate.class).optional();
            if (first.isEmpty() || first.get() == null) {
                closedBefore = current;
                return;
            }
            week = new LeagueWeek(first.get());
        }
        for (; week.before(current); week = week.next()) {
            close(week);
        }
        closedBefore = current;
    }

    /** Closes ended weeks first if the cheap check says some may be open; for XP that arrives in a new week. */
    void closeEndedWeeksIfNeeded() {
        LeagueWeek current = LeagueWeek.of(clock.instant());
        if (!current.equals(closedBefore)) {
            closeEndedWeeks();
        }
    }

    /**
     * Closes one ended week in its own transaction. Returns false when it was already closed (here or on another
     * node) or has not ended yet.
     */
    public boolean close(LeagueWeek week) {
        Instant now = clock.instant();
        if (now.isBefore(week.endsAt())) {
            return false;
        }
        Boolean closed = transactions.execute(status -> settle(week, now));
        return Boolean.TRUE.equals(closed);
    }

    private boolean settle(LeagueWeek week, Instant now) {
        int claimed = jdbc.sql("""
                insert into gamification_league_week (week_start, closed_at, cohorts, learners)
                values (:week, :now, 0, 0) on conflict do nothing
                """).param("week", week.start()).param("now", Cohorts.utc(now)).update();
        if (claimed == 0) {
            return false;
        }
        // 1. Final ranks and outcomes: XP, then who reached the score first, then the user id. The bottom of a
        //    cohort is demoted, but never its upper half (so a small cohort does not demote its leaders).
        jdbc.sql("""
                merge into gamification_league_entry e
                using (select user_id, tier,
                              row_number() over (partition by cohort_id order by xp desc, reached_at, user_id) as r,
                              count(*) over (partition by cohort_id) as n
                       from gamification_league_entry where week_start = :week) s
                on e.week_start = :week and e.user_id = s.user_id
                when matched then update set final_rank = s.r, outcome = case
                    when s.r <= %s then 'PROMOTED'
                    when s.r > s.n - %s and s.r > (s.n + 1) / 2 then 'DEMOTED'
                    else 'STAYED' end
                """.formatted(perTier(settings::promotions), perTier(settings::demotions)))
                .param("week", week.start()).update();
        // 2. Tiers of the learners who played.
        jdbc.sql("""
                merge into gamification_league_member m
                using (select user_id, tier, outcome from gamification_league_entry where week_start = :week) s
                on m.user_id = s.user_id
                when matched and (m.settled_week is null or m.settled_week < :week) then update set
                    tier = s.tier + case s.outcome when 'PROMOTED' then 1 when 'DEMOTED' then -1 else 0 end,
                    settled_week = :week
                """).param("week", week.start()).update();
        // 3. Learners with a tier who earned no XP this week drop one (Bronze stays Bronze).
        int absent = jdbc.sql("""
                update gamification_league_member set tier = tier - 1, settled_week = :week
                where tier > 0 and (settled_week is null or settled_week < :week)
                  and not exists (select 1 from gamification_league_entry e
                                  where e.week_start = :week and e.user_id = gamification_league_member.user_id)
                """).param("week", week.start()).update();
        // 4. Gems for the podium of every cohort; Gems pays each (learner, week) once.
        List<Gems.GemGrant> grants = new ArrayList<>();
        jdbc.sql("""
                select user_id, final_rank from gamification_league_entry
                where week_start = :week and final_rank <= :podium
                """).param("week", week.start()).param("podium", settings.podiumGems().size())
                .query((rs, n) -> {
                    int rank = rs.getInt("final_rank");
                    int amount = settings.gemsFor(rank);
                    if (amount > 0) {
                        grants.add(new Gems.GemGrant(rs.getObject("user_id", UUID.class), amount,
                                "League week " + week.start() + ": rank " + rank, reference(week)));
                    }
                    return null;
                }).list();
        if (!grants.isEmpty()) {
            gems.grant(grants);
        }
        int cohorts = jdbc.sql("select count(*) from gamification_league_cohort where week_start = :week")
                .param("week", week.start()).query(Integer.class).single();
        int learners = jdbc.sql("select count(*) from gamification_league_entry where week_start = :week")
                .param("week", week.start()).query(Integer.class).single();
        jdbc.sql("update gamification_league_week set cohorts = :c, learners = :l where week_start = :week")
                .param("c", cohorts).param("l", learners).param("week", week.start()).update();
        events.publishEvent(new LeagueWeekClosed(week.start(), cohorts, learners, now));
        log.info("Closed league week {}: {} cohorts, {} learners, {} absent dropped a tier, {} podium grants",
                week.start(), cohorts, learners, absent, grants.size());
        return true;
    }

    /** The gem grant reference of a week's podium: one grant per learner and week. */
    static String reference(LeagueWeek week) {
        return "league:" + week.start();
    }

    /** A CASE on s.tier giving each tier's number, from the settings (integers only). */
    private static String perTier(java.util.function.ToIntFunction<Tier> number) {
        StringBuilder sql = new StringBuilder("(case s.tier");
        for (Tier tier : Tier.values()) {
            sql.append(" when ").append(tier.ordinal()).append(" then ").append(number.applyAsInt(tier));
        }
        return sql.append(" else 0 end)").toString();
    }
}
