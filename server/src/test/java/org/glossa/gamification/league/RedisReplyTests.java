package org.glossa.gamification.league;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leaderboard count's reply is awaited as long as a blocking Redis command would be, never for good. */
class RedisReplyTests {

    @Test
    void aReplyIsReturnedAndAFailureIsThrownAsItIs() {
        assertThat(RedisLeaderboards.awaitReply(CompletableFuture.completedFuture(1L), Duration.ofSeconds(1))).isEqualTo(1L);
        IllegalStateException failure = new IllegalStateException("NOSCRIPT");
        assertThatThrownBy(() -> RedisLeaderboards.awaitReply(CompletableFuture.failedFuture(failure), Duration.ofSeconds(1)))
                .isSameAs(failure);
    }

    @Test
    void aReplyThatNeverComesEndsTheWaitAtTheTimeout() {
        assertThatThrownBy(() -> RedisLeaderboards.awaitReply(new CompletableFuture<Long>(), Duration.ofMillis(50)))
                .isInstanceOf(QueryTimeoutException.class).hasMessageContaining("PT0.05S");
    }

    @Test
    void anInterruptedWaitEndsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> RedisLeaderboards.awaitReply(new CompletableFuture<Long>(), Duration.ofMinutes(1)))
                    .isInstanceOf(QueryTimeoutException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
