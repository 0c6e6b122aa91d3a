package org.glossa.fsrs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A learner's day: it starts at {@code startHour} o'clock in their time zone (4 by default, as in Anki, so that a
 * session past midnight still counts for the evening before). FSRS counts elapsed time in these days.
 *
 * <p>With zone UTC and start hour 0 the elapsed days equal ts-fsrs's and go-fsrs's difference of UTC calendar dates.
 * The hour is compared with local wall-clock time, so a daylight-saving jump moves the boundary with the clock.
 */
public record DayBoundary(ZoneId zone, int startHour) {

    /** Anki's default: the next day starts at 4 a.m. */
    public static final int DEFAULT_START_HOUR = 4;

    /** UTC calendar days, as ts-fsrs and go-fsrs count them. */
    public static final DayBoundary UTC_MIDNIGHT = new DayBoundary(ZoneOffset.UTC, 0);

    public DayBoundary {
        if (zone == null) {
            throw new IllegalArgumentException("zone must not be null");
        }
        if (startHour < 0 || startHour > 23) {
            throw new IllegalArgumentException("day start hour must be 0..23, was " + startHour);
        }
    }

    /** The learner's date at {@code instant}: before the start hour it is still the previous day. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofEpochDay(dayNumber(instant));
    }

    /** Learner days from {@code earlier} to {@code later}; 0 when {@code later} is not after {@code earlier}. */
    public long elapsedDays(Instant earlier, Instant later) {
        return Math.max(0, dayNumber(later) - dayNumber(earlier));
    }

    /**
     * The epoch day of {@link #dayOf}, by arithmetic on the local wall-clock seconds (the scheduler calls this twice
     * per review, so it avoids building date-time objects).
     */
    long dayNumber(Instant instant) {
        int offset = zone instanceof ZoneOffset fixed ? fixed.getTotalSeconds()
            : zone.getRules().getOffset(instant).getTotalSeconds();
        return Math.floorDiv(instant.getEpochSecond() + offset - startHour * 3600L, 86400);
    }
}
