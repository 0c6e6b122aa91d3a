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
    private final Standings standings;
    private final Clock clock;

    Leagues(JdbcClient jdbc, LeagueSettings settings, Standings standings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.standings = standings;
        this.clock = clock;
    }

    public record Standing(int rank, UUID userId, int xp, Instant reachedAt) {
    }

    /** This week's cohort of the learner, ranked; empty before their first XP of the week. */
    public record Cohort(Tier tier, LeagueWeek week, List<Standing> standings, int promoted, int demoted) {
    }

    public record PastWeek(LocalDate weekStart, Tier tier, int xp, Integer rank, int cohortSize, String outcome) {
    }

    /** The learner's tier this week: the one they play in, or the one they would join with their next XP. */
    public Tier tier(UUID userId) {
        LeagueWeek week = LeagueWeek.of(clock.instant());
        return jdbc.sql("select tier from gamification_league_entry where week_start = :w and user_id = :u")
                .param("w", week.start()).param("u", userId).query(Integer.class).optional().map(Tier::of)
                .orElseGet(() -> standings.tierFor(userId, week));
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

    /** The learner's closed weeks, newest first. */
    public List<PastWeek> history(UUID userId) {
        return standings.played(userId, LeagueWeek.of(clock.instant()).next(), Integer.MAX_VALUE).stream()
                .filter(played -> played.ranking() != null)
                .map(played -> {
                    int rank = played.ranking().rankOf(userId);
                    int size = played.ranking().size();
                    return new PastWeek(played.weekStart(), played.tier(), played.xp(), rank, size,
                            settings.outcome(played.tier(), rank, size).name());
                }).toList();
    }

    @Override
    public Optional<Position> position(UUID userId) {
        boolean member = jdbc.sql("select count(*) from gamification_league_member where user_id = :u")
                .param("u", userId).query(Integer.class).single() > 0;
        if (!member) {
            return Optional.empty();
        }
        LeagueWeek week = LeagueWeek.of(clock.instant());
        Integer rank = jdbc.sql("""
                select (select count(*) from gamification_league_entry o where o.cohort_id = e.cohort_id
                        and (o.xp > e.xp or (o.xp = e.xp and (o.reached_at < e.reached_at
                             or (o.reached_at = e.reached_at and o.user_id < e.user_id))))) + 1
                from gamification_league_entry e where e.week_start = :w and e.user_id = :u
                """).param("w", week.start()).param("u", userId).query(Integer.class).optional().orElse(null);
        return Optional.of(new Position(tier(userId).name(), rank));
    }

    @Override
    public int podiumFinishes(UUID userId) {
        return (int) history(userId).stream().filter(week -> week.rank() >= 1 && week.rank() <= 3).count();
    }

    @Override
    public List<UUID> podiumFinishers(LocalDate weekStart) {
        return jdbc.sql("""
                select ranking from gamification_league_cohort where week_start = :w and ranking is not null
                order by tier, number
                """).param("w", weekStart).query(String.class).list().stream()
                .flatMap(ranking -> Ranking.parse(ranking).top(3).stream()).map(Ranking.Placed::userId).toList();
    }
}
