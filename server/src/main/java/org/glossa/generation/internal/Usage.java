package org.glossa.generation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage accounting per UTC day, task and generator: provider requests, cache hits, failures and the
 * tokens the provider reported. Each count is written in its own transaction, so a caller's rollback
 * never hides what was spent.
 */
@Component
public class Usage {

    public record Row(LocalDate day, String task, String generator, long requests, long cacheHits, long failures,
            long promptTokens, long completionTokens) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Usage(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String task, String generator, long requests, long cacheHits, long failures, long promptTokens,
            long completionTokens) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                insert into generation_usage (usage_day, task, generator) values (:day, :task, :generator) on conflict do nothing
                """).param("day", day).param("task", task).param("generator", generator).update();
        jdbc.sql("""
                update generation_usage set requests = requests + :requests, cache_hits = cache_hits + :hits,
                    failures = failures + :failures, prompt_tokens = prompt_tokens + :prompt,
                    completion_tokens = completion_tokens + :completion
                where usage_day = :day and task = :task and generator = :generator
                """).param("requests", requests).param("hits", cacheHits).param("failures", failures)
                .param("prompt", promptTokens).param("completion", completionTokens).param("day", day)
                .param("task", task).param("generator", generator).update();
    }

    public List<Row> between(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select usage_day, task, generator, requests, cache_hits, failures, prompt_tokens, completion_tokens
                from generation_usage where usage_day >= :from and usage_day <= :to order by usage_day, task, generator
                """).param("from", from).param("to", to)
                .query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))).list();
    }
}
