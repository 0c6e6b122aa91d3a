package org.glossa.shared.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The one place where recurring jobs are scheduled: every {@link RecurringJob} bean, at the schedule its
 * name has under {@code glossa.jobs.recurring}. A job without a schedule stops the start with the key to set,
 * so that nothing silently never runs. JobRunr keeps the recurring jobs in the database and only its master
 * node creates their runs, so each runs once per period however many nodes there are; every node may pick
 * the run up.
 */
@Component
public class RecurringJobs {

    private static final Logger log = LoggerFactory.getLogger(RecurringJobs.class);

    private final Map<String, RecurringJob> jobs = new LinkedHashMap<>();
    private final JobSettings settings;
    private final JobScheduler scheduler;

    RecurringJobs(List<RecurringJob> contributed, JobSettings settings, JobScheduler scheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
        List<String> unscheduled = new ArrayList<>();
        for (RecurringJob job : contributed) {
            if (jobs.putIfAbsent(job.name(), job) != null) {
                throw new IllegalStateException("Two recurring jobs are named '" + job.name() + "'");
            }
            JobSettings.Schedule schedule = settings.recurring().get(job.name());
            if (schedule == null || !StringUtils.hasText(schedule.cron())) {
                unscheduled.add("glossa.jobs.recurring." + job.name() + ".cron");
            }
        }
        if (!unscheduled.isEmpty()) {
            throw new IllegalStateException("Recurring jobs without a schedule: set " + String.join(", ", unscheduled)
                    + " (a cron expression, or '-' to switch the job off)");
        }
    }

    /** The recurring jobs by name, with their schedules. */
    public Map<String, JobSettings.Schedule> schedules() {
        Map<String, JobSettings.Schedule> schedules = new LinkedHashMap<>();
        jobs.keySet().forEach(name -> schedules.put(name, settings.recurring().get(name)));
        return schedules;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        for (String name : jobs.keySet()) {
            JobSettings.Schedule schedule = settings.recurring().get(name);
            if (schedule.off()) {
                scheduler.deleteRecurringJob(name);
                log.info("Recurring job {} is switched off", name);
            } else {
                // The job carries only the name; the work is looked up on whichever node runs it.
                scheduler.scheduleRecurrently(name, schedule.cron().trim(), schedule.zone(), () -> run(name));
            }
        }
        settings.recurring().keySet().stream().filter(name -> !jobs.containsKey(name)).forEach(name -> log.warn(
                "glossa.jobs.recurring.{} is configured but no module contributes a job of that name", name));
    }

    /** Runs one recurring job now; this is what JobRunr calls at each period. */
    @Job(name = "Recurring job %0")
    public void run(String name) {
        RecurringJob job = jobs.get(name);
        if (job == null) {
            throw new IllegalStateException("No recurring job is named '" + name + "' on this node");
        }
        job.work().run();
    }
}
