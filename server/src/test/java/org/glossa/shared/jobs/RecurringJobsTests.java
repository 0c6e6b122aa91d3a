package org.glossa.shared.jobs;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The registry refuses jobs without a schedule, and runs a job by its name. */
class RecurringJobsTests {

    private static final JobSettings.Schedule NIGHTLY = new JobSettings.Schedule("30 3 * * *", ZoneId.of("UTC"));

    @Test
    void aJobWithoutAScheduleStopsTheStartNamingTheKeyToSet() {
        List<RecurringJob> jobs = List.of(new RecurringJob("nightly-thing", () -> { }),
                new RecurringJob("weekly-close", () -> { }));
        JobSettings settings = new JobSettings(Map.of("nightly-thing", NIGHTLY), 100, null);

        assertThatIllegalStateException().isThrownBy(() -> new RecurringJobs(jobs, settings, null))
                .withMessageContaining("glossa.jobs.recurring.weekly-close.cron")
                .withMessageNotContaining("nightly-thing");
    }

    @Test
    void twoJobsCannotShareAName() {
        List<RecurringJob> jobs = List.of(new RecurringJob("nightly-thing", () -> { }),
                new RecurringJob("nightly-thing", () -> { }));
        assertThatIllegalStateException().isThrownBy(() -> new RecurringJobs(jobs,
                new JobSettings(Map.of("nightly-thing", NIGHTLY), 100, null), null)).withMessageContaining("nightly-thing");
    }

    @Test
    void namesAreKebabCase() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RecurringJob("Nightly Thing", () -> { }));
    }

    @Test
    void runningAJobByNameRunsItsWork() {
        AtomicInteger runs = new AtomicInteger();
        RecurringJobs registry = new RecurringJobs(List.of(new RecurringJob("nightly-thing", runs::incrementAndGet)),
                new JobSettings(Map.of("nightly-thing", NIGHTLY), 100, null), null);

        registry.run("nightly-thing");

        assertThat(runs).hasValue(1);
        assertThat(registry.schedules()).containsEntry("nightly-thing", NIGHTLY);
        assertThatIllegalStateException().isThrownBy(() -> registry.run("gone-job"));
        assertThat(new JobSettings.Schedule("-", null).off()).isTrue();
    }
}
