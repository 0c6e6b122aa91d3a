package org.glossa.shared.runtime;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where the modules' asynchronous event listeners (and other {@code @Async} work, such as password-reset mail) run:
 * a fixed number of virtual threads in front of a queue. Spring Boot's default with virtual threads starts one thread
 * per event, unbounded, so a learner's burst of answers became that many transactions at once, contending for one
 * row lock and for the connection pool that requests need too. Here a burst waits in the queue instead; a full
 * queue never blocks the publisher (a listener that publishes in turn cannot deadlock the pool).
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecution {

    @Bean(name = { "applicationTaskExecutor", "taskExecutor" })
    ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${glossa.events.listener-threads:4}") int threads) {
        if (threads < 1) {
            throw new GlossaMisconfiguredException(
                    List.of("glossa.events.listener-threads must be at least 1, not " + threads + "."));
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setVirtualThreads(true);
        executor.setThreadNamePrefix("listener-");
        // At shutdown, running listeners are interrupted and given 2 seconds; queued ones are dropped. Neither is lost:
        // the publication registry republishes every event whose listener did not complete when the server starts
        // again. (Waiting for them held the test JVM's exit for 30 seconds once, behind a listener still running.)
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(2);
        return executor;
    }
}
