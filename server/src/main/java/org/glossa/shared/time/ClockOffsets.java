package org.glossa.shared.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the test clock's offset in {@code shared_clock} and brings each node's clock up to date
 * every second, so that the nodes of a cluster agree on the time an admin has set.
 */
class ClockOffsets {

    private static final Logger log = LoggerFactory.getLogger(ClockOffsets.class);

    private final JdbcClient jdbc;
    private final AdjustableClock clock;

    ClockOffsets(JdbcClient jdbc, AdjustableClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts local changes, so that a refresh that read the table before one of them never undoes it. */
    private final AtomicLong changes = new AtomicLong();

    @Scheduled(fixedDelay = 1000, initialDelay = 0)
    void refresh() {
        long before = changes.get();
        try {
            jdbc.sql("select offset_millis from shared_clock where id = 1").query(Long.class).optional()
                    .ifPresent(millis -> {
                        synchronized (this) {
                            if (changes.get() == before) {
                                clock.useOffset(Duration.ofMillis(millis));
                            }
                        }
                    });
        } catch (RuntimeException e) {
            log.debug("Could not read the test clock's offset; keeping {}", clock.offset(), e);
        }
    }

    /** Each statement commits on its own before the local clock moves, so a refresh then reads the new offset. */
    synchronized Duration store(Duration offset) {
        int updated = jdbc.sql("update shared_clock set offset_millis = :offset where id = 1")
                .param("offset", offset.toMillis()).update();
        if (updated == 0) {
            jdbc.sql("insert into shared_clock (id, offset_millis) values (1, :offset)")
                    .param("offset", offset.toMillis()).update();
        }
        clock.useOffset(offset);
        changes.incrementAndGet();
        return offset;
    }
}
