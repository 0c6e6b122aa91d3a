package org.glossa.shared.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobActivator;
import org.jobrunr.server.runner.ThreadLocalJobContext;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

/**
 * Two JobRunr background servers on one database, as two Glossa nodes are: once the second has joined the first,
 * a recurring job runs once per period, because only the master server turns recurring jobs into runs and both servers take runs from the same
 * table with optimistic locking. On PostgreSQL when SPRING_DATASOURCE_URL points there (in a schema of its own,
 * dropped afterwards), else on a fresh H2 database.
 */
class RecurringJobsClusterTests {

    static final Queue<UUID> ticks = new ConcurrentLinkedQueue<>();

    public static class Tick {

        public void tick() {
            ticks.add(ThreadLocalJobContext.getJobContext().getJobId());
        }
    }

    @Test
    void aRecurringJobRunsOncePerPeriodOnTwoServers() {
        Tick tick = new Tick();
        JobActivator activator = new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return type.cast(tick);
            }
        };
        DataSource dataSource = dataSource();
        boolean postgres = dataSource instanceof DriverManagerDataSource d && d.getUrl().startsWith("jdbc:postgresql:");
        // On PostgreSQL, a schema of its own: the application's schema stays as Flyway knows it.
        String schema = "jobrunr_cluster_" + UUID.randomUUID().toString().substring(0, 8);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        if (postgres) {
            jdbc.sql("create schema " + schema).update();
        }
        String prefix = postgres ? schema + "." : null;
        JsonMapper json = new Jackson3JsonMapper();
        StorageProvider storageA = storage(dataSource, prefix, json);
        StorageProvider storageB = storage(dataSource, prefix, json);
        BackgroundJobServer nodeA = new BackgroundJobServer(storageA, json, activator,
                usingStandardBackgroundJobServerConfiguration().andName("node-a").andPollIntervalInSeconds(5).andWorkerCount(2));
        BackgroundJobServer nodeB = new BackgroundJobServer(storageB, json, activator,
                usingStandardBackgroundJobServerConfiguration().andName("node-b").andPollIntervalInSeconds(5).andWorkerCount(2));
        try {
            // The second node joins a running one, as in a rolling start. Nodes started at the very same instant can
            // both act as master for their first round: once we saw one period run twice that way (README).
            nodeA.start();
            await().atMost(Duration.ofSeconds(60)).until(nodeA::isMaster);
            nodeB.start();
            // Both nodes declare the same recurring job at start, as every Glossa node does.
            new JobScheduler(storageA).scheduleRecurrently("tick", "*/5 * * * * *", () -> tick.tick());
            new JobScheduler(storageB).scheduleRecurrently("tick", "*/5 * * * * *", () -> tick.tick());

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> storageA.countJobs(StateName.SUCCEEDED) >= 4);

            List<Job> runs = storageA.getJobList(StateName.SUCCEEDED, new AmountRequest("createdAt:ASC", 1000)).stream()
                    .filter(job -> job.getRecurringJobId().filter("tick"::equals).isPresent()).toList();
            List<Instant> periods = runs.stream().map(job -> job.getJobStatesOfType(ScheduledState.class).findFirst()
                    .map(ScheduledState::getScheduledAt).orElse(null)).toList();
            Map<Object, Long> byNode = runs.stream().map(job -> job.getLastJobStateOfType(ProcessingState.class)
                    .map(ProcessingState::getServerName).orElse("?")).collect(Collectors.groupingBy(n -> n,
                            Collectors.counting()));
            System.out.println("Recurring runs " + runs.size() + " for periods " + periods + ", by node " + byNode);

            assertThat(runs).hasSizeGreaterThanOrEqualTo(4);
            assertThat(periods).as("every run belongs to a period").doesNotContainNull();
            assertThat(periods).as("one run per period").doesNotHaveDuplicates();
            assertThat(ticks).as("each run did its work once").doesNotHaveDuplicates()
                    .containsAll(runs.stream().map(Job::getId).toList());
            assertThat(nodeA.isMaster()).as("the first node stays master").isTrue();
            assertThat(nodeB.isMaster()).isFalse();
        } finally {
            nodeB.stop();
            nodeA.stop();
            if (postgres) {
                jdbc.sql("drop schema " + schema + " cascade").update();
            }
        }
    }

    private static StorageProvider storage(DataSource dataSource, String prefix, JsonMapper json) {
        StorageProvider storage = prefix == null ? SqlStorageProviderFactory.using(dataSource)
                : SqlStorageProviderFactory.using(dataSource, prefix);
        storage.setJobMapper(new JobMapper(json));
        return storage;
    }

    private static DataSource dataSource() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return new DriverManagerDataSource(url, Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_USERNAME"),
                    "postgres"), Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_PASSWORD"), ""));
        }
        return new DriverManagerDataSource("jdbc:h2:file:./target/test-data/cluster-" + UUID.randomUUID() + "/jobrunr",
                "sa", "");
    }
}
