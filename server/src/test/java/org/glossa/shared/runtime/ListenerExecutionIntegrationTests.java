package org.glossa.shared.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glossa.GlossaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The executor of the asynchronous listeners runs a burst four at a time (the default of
 * glossa.events.listener-threads), all of it in the end, and queues the rest without blocking whoever publishes.
 */
@GlossaIntegrationTest
class ListenerExecutionIntegrationTests {

    @Autowired
    @Qualifier("applicationTaskExecutor")
    TaskExecutor executor;

    @Test
    void aBurstRunsFourAtATimeQueuedWithoutBlockingThePublisherAndAllOfItRuns() throws InterruptedException {
        int burst = 40;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(burst);
        // Every task waits at the gate, so a throttling executor would hold the caller here for good.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < burst; i++) {
                executor.execute(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                        done.countDown();
                    }
                });
            }
        }, "handing the burst over blocked the caller");
        await().atMost(Duration.ofSeconds(30)).until(() -> running.get() == 4);
        gate.countDown();
        assertThat(done.await(60, TimeUnit.SECONDS)).as("every task ran").isTrue();
        assertThat(most.get()).as("tasks at once").isEqualTo(4);
    }
}
