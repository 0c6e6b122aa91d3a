package org.glossa.shared.jobs;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Background-job settings ({@code glossa.jobs.*}); JobRunr's own (workers, retries, polling) stay under
 * {@code jobrunr.*}.
 *
 * @param recurring the schedule of every recurring job, by its name
 * @param errorsKept how many errors of one job are kept word for word (all are counted)
 * @param keepFinished how long the record of a finished job is kept
 */
@ConfigurationProperties("glossa.jobs")
public record JobSettings(Map<String, Schedule> recurring, @DefaultValue("100") int errorsKept,
        @DefaultValue("30d") Duration keepFinished) {

    public JobSettings {
        recurring = recurring == null ? Map.of() : Map.copyOf(recurring);
    }

    /**
     * @param cron a cron expression (5 fields, or 6 with seconds), or {@code -} to switch the job off
     * @param zone the time zone the expression is read in
     */
    public record Schedule(String cron, @DefaultValue("UTC") ZoneId zone) {

        public boolean off() {
            return "-".equals(cron == null ? null : cron.trim());
        }
    }
}
