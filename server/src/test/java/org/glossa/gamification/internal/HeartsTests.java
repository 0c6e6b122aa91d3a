package org.glossa.gamification.internal;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hearts come back one per period, computed when asked. */
class HeartsTests {

    static final Duration FIVE_HOURS = Duration.ofHours(5);
    static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void losingStartsTheWaitAndEachPeriodGivesOneBack() {
        Hearts h = new Hearts(5, null);
        for (int i = 0; i < 5; i++) {
            h = h.lose(T.plusSeconds(i * 60), 5, FIVE_HOURS);
        }
        assertThat(h.current()).isZero();
        assertThat(h.nextRefillAt(FIVE_HOURS)).isEqualTo(T.plus(FIVE_HOURS));
        assertThat(h.lose(T.plusSeconds(600), 5, FIVE_HOURS).current()).isZero();
        assertThat(h.refreshed(T.plus(FIVE_HOURS).minusSeconds(1), 5, FIVE_HOURS).current()).isZero();
        Hearts one = h.refreshed(T.plus(FIVE_HOURS), 5, FIVE_HOURS);
        assertThat(one.current()).isEqualTo(1);
        assertThat(one.nextRefillAt(FIVE_HOURS)).isEqualTo(T.plus(FIVE_HOURS.multipliedBy(2)));
        Hearts full = h.refreshed(T.plus(Duration.ofDays(3)), 5, FIVE_HOURS);
        assertThat(full).isEqualTo(new Hearts(5, null));
    }

    @Test
    void gainingKeepsTheWaitUntilFull() {
        Hearts h = new Hearts(3, T);
        Hearts more = h.gain(1, T.plusSeconds(3600), 5, FIVE_HOURS);
        assertThat(more).isEqualTo(new Hearts(4, T));
        assertThat(more.gain(3, T.plusSeconds(3600), 5, FIVE_HOURS)).isEqualTo(new Hearts(5, null));
    }
}
