package org.glossa.shared.time;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Lets tests move the server's adjustable clock, as the admin endpoint does. */
@Component
@ConditionalOnBooleanProperty("glossa.clock.adjustable")
public class TestClock {

    private final AdjustableClock clock;
    private final ClockOffsets offsets;

    TestClock(AdjustableClock clock, ClockOffsets offsets) {
        this.clock = clock;
        this.offsets = offsets;
    }

    public void advance(Duration duration) {
        offsets.store(clock.offset().plus(duration));
    }

    public Instant now() {
        return clock.instant();
    }
}
