package org.glossa.generation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What operators see: the generator in use, the breaker, the global quota today, usage and failures. */
@Service
public class GenerationStatus {

    public record Report(String generator, String breaker, long globalRequestsToday, int globalRequestsPerDay,
            LocalDate from, LocalDate to, List<Usage.Row> usage) {
    }

    public record Failure(UUID id, String task, String template, String generator, String errors, Instant failedAt) {
    }

    private final Usage usage;
    private final Tasks tasks;
    private final LlmGateway gateway;
    private final LlmSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    GenerationStatus(Usage usage, Tasks tasks, LlmGateway gateway, LlmSettings settings, JdbcClient jdbc, Clock clock) {
        this.usage = usage;
        this.tasks = tasks;
        this.gateway = gateway;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Report report(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : last.minusDays(29);
        long global = jdbc.sql("select coalesce(max(used), 0) from generation_quota where subject = :s and kind = :k and quota_day = :d")
                .param("s", Quotas.GLOBAL).param("k", Quotas.Kind.LLM_REQUESTS.name()).param("d", today)
                .query(Long.class).single();
        return new Report(tasks.generator(), gateway.configured() ? gateway.breaker().state().name() : "NOT_USED", global,
                settings.globalRequestsPerDay(), first, last, usage.between(first, last));
    }

    public List<Failure> failures(int limit) {
        return jdbc.sql("select id, task, template, generator, errors, failed_at from generation_failure order by failed_at desc "
                + "limit :n").param("n", limit).query((rs, n) -> new Failure(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }
}
