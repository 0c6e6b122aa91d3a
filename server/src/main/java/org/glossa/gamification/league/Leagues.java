package org.glossa.gamification.league;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.glossa.gamification.LeagueStanding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads leagues: a learner's tier and rank, their cohort this week, their closed weeks, podium finishes. */
@Service
public class Leagues implements LeagueStanding {

    /** Live order inside a cohort; the close uses the same. */
    static final String COHORT_ORDER = "xp desc, reached_at, user_id";

    private final JdbcClient jdbc;
    private final LeagueSettings settings;
    private final Clock clock;

    Leagues(JdbcClient jdbc, LeagueSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    public record Standing(int rank, UUID userId, int xp, Instant reachedAt) {
    }

    /** This week's cohort of the learner, ranked; empty before their first XP of the week. */
    public record Cohort(Tier tier, LeagueWeek week, List<Standing> standings, int promoted, int demoted) {
    }

    public record PastWeek(LocalDate weekStart, Tier tier, int xp, Integer rank, int cohortSize, String outcome) {
    }

    /** The learner's current tier: Bronze for one who never earned XP. */
    public Tier tier(UUID userId) {
        return jdbc.sql("select tier from gamification_league_member where user_id = :u").param("u", userId)
                .query(Integer.class).optional().map(Tier::of).orElse(Tier.BRONZE);
    }

    public Optional<Cohort> cohort(UUID userId) {
        LeagueWeek week = LeagueWeek.of(clock.instant());
        return jdbc.sql("select cohort_id, tier from gamification_league_entry where week_start = :w and user_id = :u")
                .param("w", week.start()).param("u", userId)
                .query((rs, n) -> new Object[] { rs.getObject("cohort_id", UUID.class), rs.getInt("tier") })
                .optional().map(row -> {
                    Tier tier = Tier.of((Integer) row[1]);
                    List<Standing> standings = jdbc.sql("""
                            select user_id, xp, reached_at from gamification_league_entry where cohort_id = :c
                            order by %s
                            """.formatted(COHORT_ORDER)).param("c", row[0])
                            .query((rs, n) -> new Standing(n + 1, rs.getObject("user_id", UUID.class), rs.getInt("xp"),
                                    rs.getObject("reached_at", java.time.OffsetDateTime.class).toInstant()))
                            .list();
                    return new Cohort(tier, week, standings, settings.promotions(tier), settings.demotions(tier));
                });
    }

    public List<PastWeek> history(UUID userId) {
        return jdbc.sql("""
                select e.week_start, e.tier, e.xp, e.final_rank, e.outcome, c.members from gamification_league_entry e
                join gamification_league_cohort c on c.id = e.cohort_id
                where e.user_id = :u and e.outcome is not null order by e.week_start desc
                """).param("u", userId)
                .query((rs, n) -> new PastWeek(rs.getObject("week_start", LocalDate.class), Tier.of(rs.getInt("tier")),
                        rs.getInt("xp"), rs.getInt("final_rank"), rs.getInt("members"), rs.getString("outcome")))
                .list();
    }

    @Override
    public Optional<Position> position(UUID userId) {
        Optional<Integer> tier = jdbc.sql("select tier from gamification_league_member where user_id = :u")
                .param("u", userId).query(Integer.class).optional();
        if (tier.isEmpty()) {
            return Optional.empty();
        }
        LeagueWeek week = LeagueWeek.of(clock.instant());
        Integer rank = jdbc.sql("""
                select (select count(*) from gamification_league_entry o where o.cohort_id = e.cohort_id
                        and (o.xp > e.xp or (o.xp = e.xp and (o.reached_at < e.reached_at
                             or (o.reached_at = e.reached_at and o.user_id < e.user_id))))) + 1
                from gamification_league_entry e where e.week_start = :w and e.user_id = :u
                """).param("w", week.start()).param("u", userId).query(Integer.class).optional().orElse(null);
        // The week's tier is the one the learner plays in; before their first XP of the week, their member tier.
        Integer weekTier = rank == null ? null : jdbc.sql(
                "select tier from gamification_league_entry where week_start = :w and user_id = :u")
                .param("w", week.start()).param("u", userId).query(Integer.class).single();
        return Optional.of(new Position(Tier.of(weekTier != null ? weekTier : tier.get()).name(), rank));
    }

    @Override
    public int podiumFinishes(UUID userId) {
        return jdbc.sql("""
                select count(*) from gamification_league_entry where user_id = :u and final_rank <= 3
                """).param("u", userId).query(Integer.class).single();
    }

    @Override
    public List<UUID> podiumFinishers(LocalDate weekStart) {
        return jdbc.sql("""
                select user_id from gamification_league_entry where week_start = :w and final_rank <= 3
                order by cohort_id, final_rank
                """).param("w", weekStart).query(UUID.class).list();
    }
}
