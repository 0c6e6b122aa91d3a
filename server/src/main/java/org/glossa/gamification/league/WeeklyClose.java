package org.glossa.gamification.league;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glossa.gamification.Gems;
import org.glossa.gamification.LeagueWeekClosed;
import org.glossa.shared.jobs.RecurringJob;
import org.glossa.shared.runtime.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Closes league weeks: writes every cohort's final ranking (from which promotions, demotions and absence drops
 * follow, see {@link Standings}), pays the podium in gems and publishes {@link LeagueWeekClosed}. A week is closed
 * once: the transaction that inserts its row in {@code gamification_league_week} does the whole settlement, and a
 * second node (or a second run) finds the row and does nothing. The ranking is one set-based statement that gives
 * the same result when repeated, and gem grants are idempotent per learner and week.
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
    private final Database database;
    private final WeekGate gate;

    WeeklyClose(JdbcClient jdbc, LeagueSettings settings, Gems gems, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactionManager, Database database, WeekGate gate) {
        this.gate = gate;
        this.database = database;
        this.jdbc = jdbc;
        this.settings = settings;
        this.gems = gems;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The recurring job (glossa.jobs.recurring.league-week-close): closes every ended week not closed yet. */
    @Bean
    static RecurringJob leagueWeekClose(WeeklyClose close) {
        return new RecurringJob("league-week-close", close::closeEndedWeeks);
    }

    /** Closes every week that has ended by the injected clock and is not closed yet, oldest first. */
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
    public void closeEndedWeeksIfNeeded() {
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

    /** Whether the week's close has committed (on any node). */
    boolean isClosed(LeagueWeek week) {
        return jdbc.sql("select count(*) from gamification_league_week where week_start = :week")
                .param("week", week.start()).query(Integer.class).single() > 0;
    }

    private boolean settle(LeagueWeek week, Instant now) {
        if (isClosed(week)) {
            return false; // closed already: no need to hold XP up
        }
        gate.holdShut(); // XP still being counted into the week commits first, and is ranked
        int claimed = jdbc.sql("""
                insert into gamification_league_week (week_start, closed_at, cohorts, learners)
                values (:week, :now, 0, 0) on conflict do nothing
                """).param("week", week.start()).param("now", utc(now)).update();
        if (claimed == 0) {
            return false;
        }
        long started = System.nanoTime();
        // 1. Each cohort's final order, written once per cohort: XP, then who reached the score first, then the id.
        //    Outcomes, tiers and absence drops follow from these rankings (see Standings): no row per learner.
        if (database.postgres()) {
            jdbc.sql("set local work_mem = '256MB'").update(); // the sort of a big week stays in memory
        }
        jdbc.sql("""
                merge into gamification_league_cohort c
                using (select cohort_id, string_agg(cast(user_id as varchar), ',' order by %s) as ranking
                       from gamification_league_entry where week_start = :week group by cohort_id) s
                on c.id = s.cohort_id
                when matched then update set ranking = s.ranking
                """.formatted(Leagues.COHORT_ORDER)).param("week", week.start()).update();
        long ranked = System.nanoTime();
        // 2. Gems for the podium of every cohort; Gems pays each (learner, week) once.
        int places = settings.podiumGems().size();
        List<Gems.GemGrant> grants = new ArrayList<>();
        jdbc.sql("select substring(ranking, 1, :chars) from gamification_league_cohort where week_start = :week "
                + "and ranking is not null").param("chars", places * 37).param("week", week.start())
                .query(String.class).list().forEach(top -> {
                    for (Ranking.Placed placed : Ranking.parse(top).top(places)) {
                        grants.add(new Gems.GemGrant(placed.userId(), settings.gemsFor(placed.rank()),
                                "League week " + week.start() + ": rank " + placed.rank(), reference(week)));
                    }
                });
        grants.removeIf(grant -> grant.amount() <= 0);
        if (!grants.isEmpty()) {
            gems.grant(grants);
        }
        long paid = System.nanoTime();
        int cohorts = jdbc.sql("select count(*) from gamification_league_cohort where week_start = :week")
                .param("week", week.start()).query(Integer.class).single();
        int learners = jdbc.sql("select count(*) from gamification_league_entry where week_start = :week")
                .param("week", week.start()).query(Integer.class).single();
        jdbc.sql("update gamification_league_week set cohorts = :c, learners = :l where week_start = :week")
                .param("c", cohorts).param("l", learners).param("week", week.start()).update();
        events.publishEvent(new LeagueWeekClosed(week.start(), cohorts, learners, now));
        log.info("Closed league week {}: {} cohorts, {} learners, {} podium grants; ranked in {} ms, paid in {} ms",
                week.start(), cohorts, learners, grants.size(), (ranked - started) / 1_000_000,
                (paid - ranked) / 1_000_000);
        return true;
    }

    /** The gem grant reference of a week's podium: one grant per learner and week. */
    static String reference(LeagueWeek week) {
        return "league:" + week.start();
    }
}
