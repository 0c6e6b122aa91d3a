package org.glossa.jobs.internal;

import java.util.List;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.ApplyStateFilter;
import org.jobrunr.jobs.filters.RetryFilter;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.spring.autoconfigure.JobRunrProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mirrors every state JobRunr gives a job (enqueued, processing, scheduled for a retry, succeeded, failed
 * after its last retry) into its {@code job_run} record. Installed as a job filter of this node's background
 * job server, beside JobRunr's retry filter with the configured retries and backoff
 * ({@code jobrunr.jobs.default-number-of-retries}, {@code jobrunr.jobs.retry-back-off-time-seed}: the n-th retry
 * waits seed^n seconds).
 */
@Configuration(proxyBeanMethods = false)
class JobRunStates {

    private static final Logger log = LoggerFactory.getLogger(JobRunStates.class);

    @Bean
    static BeanPostProcessor jobRunStateFilter(ObjectProvider<JobRuns> runs, ObjectProvider<JobRunrProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof BackgroundJobServer server) {
                    JobRunrProperties.Jobs jobs = properties.getObject().getJobs();
                    server.setJobFilters(List.of(
                            new RetryFilter(jobs.getDefaultNumberOfRetries(), jobs.getRetryBackOffTimeSeed()),
                            new Recorder(runs)));
                }
                return bean;
            }
        };
    }

    record Recorder(ObjectProvider<JobRuns> runs) implements ApplyStateFilter {

        @Override
        public void onStateApplied(Job job, JobState oldState, JobState newState) {
            try {
                long failures = job.getJobStatesOfType(FailedState.class).count();
                String lastFailure = job.getLastJobStateOfType(FailedState.class)
                        .map(f -> f.getExceptionType() + ": " + f.getExceptionMessage()).orElse(null);
                // A failure JobRunr will retry is followed by SCHEDULED in the same save: only a FAILED that is still
                // the job's state when the filters run is final.
                boolean current = job.getJobState().getName() == newState.getName();
                runs.getObject().stateChanged(job.getId(), job.getJobName(), job.getCreatedAt(), newState.getName(),
                        current, (int) failures, lastFailure);
            } catch (RuntimeException e) {
                // The record is for people following the job; it must never stop the job itself.
                log.warn("Could not record state {} of job {}", newState.getName(), job.getId(), e);
            }
        }
    }
}
