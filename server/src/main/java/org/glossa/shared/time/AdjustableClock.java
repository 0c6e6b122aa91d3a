package org.glossa.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs at real speed but may be moved forward by an offset: the server's test clock.
 * The offset is kept in the database so that every node agrees; see {@link ClockOffsets}.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public AdjustableClock(Clock base) {
        this.base = base;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base, offset).withZone(zone);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public long millis() {
        return base.millis() + offset.toMillis();
    }

    public Duration offset() {
        return offset;
    }

    /** The offset that makes this clock read {@code target} now. */
    Duration offsetFor(Instant target) {
        return Duration.between(base.instant(), target);
    }

    void useOffset(Duration offset) {
        this.offset = offset;
    }
}
