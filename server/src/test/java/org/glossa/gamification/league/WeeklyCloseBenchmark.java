package org.glossa.gamification.league;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.glossa.gamification.Gems;
import org.glossa.shared.runtime.Database;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Times the weekly league close for 1,000,000 learners in 33,334 cohorts on the machine's PostgreSQL, in a scratch
 * database it creates and drops. Not a test: run it with {@code bash benchmarks/leagues/run.sh close}. Prints figures.
 * Gems are paid by the gamification module's own ledger ({@code Wallet}), on its own tables.
 */
public final class WeeklyCloseBenchmark {

    static final int LEARNERS = 1_000_000;
    static final int COHORT = 30;

    public static void main(String[] args) throws Exception {
        String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
        String admin = "jdbc:postgresql://" + host + ":5432/postgres";
        String name = "glossa_bench_leagues_" + ProcessHandle.current().pid();
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "")) {
            connection.createStatement().execute("create database " + name);
        }
        try {
            run("jdbc:postgresql://" + host + ":5432/" + name);
        } finally {
            if (System.getenv("BENCH_KEEP_DATABASE") != null) {
                System.out.println("kept database " + name);
                return;
            }
            try (Connection connection = DriverManager.getConnection(admin, "postgres", "")) {
                connection.createStatement().execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    private static void run(String url) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser("postgres");
        LeagueWeek week = new LeagueWeek(LocalDate.parse("2026-11-09"));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // The tables exactly as the server's migrations create them: the gem ledger's and the leagues'.
            for (String migration : List.of("V1_7__gamification.sql", "V1_8__gamification_leagues.sql")) {
                try (var in = WeeklyCloseBenchmark.class.getResourceAsStream("/db/migration/gamification/" + migration)) {
                    sql.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            long seeding = System.nanoTime();
            // Learner i sits in cohort i / 30, of tier (cohort % 10); XP and the instant reached spread with ties.
            sql.execute("""
                    insert into gamification_league_cohort (id, week_start, tier, number, members)
                    select md5('cohort' || c)::uuid, date '%1$s', c %% 10, c / 10 + 1,
                           least(%2$d, %3$d - c * %2$d)
                    from generate_series(0, (%3$d - 1) / %2$d) as c
                    """.formatted(week.start(), COHORT, LEARNERS));
            sql.execute("""
                    insert into gamification_league_entry (week_start, user_id, cohort_id, tier, xp, reached_at, joined_at)
                    select date '%1$s', md5('learner' || i)::uuid, md5('cohort' || (i / %2$d))::uuid, (i / %2$d) %% 10,
                           10 + (i::bigint * 7919) %% 50 * 10, timestamp with time zone '%1$s 00:00:00Z' + (i %% 500) * interval '10 minutes',
                           timestamp with time zone '%1$s 00:00:00Z'
                    from generate_series(0, %3$d - 1) as i
                    """.formatted(week.start(), COHORT, LEARNERS));
            sql.execute("""
                    insert into gamification_league_member (user_id, joined_at)
                    select user_id, joined_at from gamification_league_entry where week_start = date '%s'
                    """.formatted(week.start()));
            sql.execute("analyze");
            System.out.printf("seeded %,d learners in %,d cohorts in %.1f s%n", LEARNERS,
                    (LEARNERS + COHORT - 1) / COHORT, (System.nanoTime() - seeding) / 1e9);
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(week.endsAt().plusSeconds(60), ZoneOffset.UTC);
        // The gamification module's own gem ledger, built by hand (no Spring here).
        Database database = new Database(dataSource);
        var constructor = Class.forName("org.glossa.gamification.internal.Wallet").getDeclaredConstructor(
                JdbcClient.class, org.springframework.jdbc.core.JdbcTemplate.class, Database.class, Clock.class);
        constructor.setAccessible(true);
        Gems ledger = (Gems) constructor.newInstance(jdbc, new org.springframework.jdbc.core.JdbcTemplate(dataSource),
                database, clock);
        List<Object> events = new ArrayList<>();
        LeagueSettings settings = new LeagueSettings(30, List.of(20, 15, 10, 7, 7, 7, 7, 7, 5, 0), 5, List.of(50, 30, 20));
        WeeklyClose close = new WeeklyClose(jdbc, settings, ledger, events::add, clock,
                new DataSourceTransactionManager(dataSource), database, new WeekGate(jdbc, database));

        long start = System.nanoTime();
        boolean closed = close.close(week);
        double seconds = (System.nanoTime() - start) / 1e9;
        long again = System.nanoTime();
        boolean closedAgain = close.close(week);
        double secondsAgain = (System.nanoTime() - again) / 1e9;

        System.out.printf("weekly close of %,d learners: %.1f s (closed: %s); second run: %.3f s (closed: %s)%n",
                LEARNERS, seconds, closed, secondsAgain, closedAgain);
        java.util.Map<Outcome, Integer> outcomes = new java.util.EnumMap<>(Outcome.class);
        jdbc.sql("select tier, ranking from gamification_league_cohort").query((rs, n) -> {
            Tier tier = Tier.of(rs.getInt(1));
            Ranking ranking = Ranking.parse(rs.getString(2));
            for (int rank = 1; rank <= ranking.size(); rank++) {
                outcomes.merge(settings.outcome(tier, rank, ranking.size()), 1, Integer::sum);
            }
            return null;
        }).list();
        System.out.println("  outcomes: " + outcomes);
        Standings standings = new Standings(jdbc, settings);
        for (int i : new int[] { 0, 29, 33 * 30 + 5 }) {
            java.util.UUID learner = jdbc.sql("select md5('learner' || :i)::uuid").param("i", i)
                    .query(java.util.UUID.class).single();
            System.out.println("  learner " + i + ": played " + standings.played(learner, week.next(), 1).getFirst().tier()
                    + ", next week " + standings.tierFor(learner, week.next()));
        }
        System.out.println("  gem entries: " + jdbc.sql("select count(*) from gamification_gem_entry").query(Long.class).single()
                + ", gems in wallets: " + jdbc.sql("select sum(gems) from gamification_wallet").query(Long.class).single()
                + ", events: " + events);
        System.out.println("  at " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores");
    }
}
