package org.glossa.fsrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DayBoundaryTests {

    /** zone, start hour, last review, now, expected elapsed days. */
    @ParameterizedTest
    @CsvSource({
        "UTC, 0, 2032-01-15T23:59:00Z, 2032-01-16T00:00:00Z, 1",
        "UTC, 4, 2032-01-15T23:59:00Z, 2032-01-16T03:59:00Z, 0",
        "UTC, 4, 2032-01-15T03:59:00Z, 2032-01-15T04:00:00Z, 1",
        "America/New_York, 4, 2032-01-15T12:00:00Z, 2032-01-16T08:59:00Z, 0",
        "America/New_York, 4, 2032-01-15T12:00:00Z, 2032-01-16T09:00:00Z, 1",
        "Asia/Tokyo, 0, 2032-01-15T14:59:00Z, 2032-01-15T15:00:00Z, 1",
        // Spring forward in Berlin (02:00 -> 03:00 on 2032-03-28): 04:30 local is already the new day.
        "Europe/Berlin, 4, 2032-03-27T20:00:00Z, 2032-03-28T02:30:00Z, 1",
        "Europe/Berlin, 4, 2032-03-27T20:00:00Z, 2032-03-28T01:59:00Z, 0",
        "UTC, 4, 2032-01-20T12:00:00Z, 2032-01-10T12:00:00Z, 0",
    })
    void elapsedDaysCountLearnerDays(String zone, int hour, Instant last, Instant now, long expected) {
        assertThat(new DayBoundary(ZoneId.of(zone), hour).elapsedDays(last, now)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2032-01-15T03:59:59Z, 2032-01-14", "2032-01-15T04:00:00Z, 2032-01-15"})
    void beforeTheStartHourItIsStillYesterday(Instant instant, LocalDate day) {
        assertThat(new DayBoundary(ZoneOffset.UTC, 4).dayOf(instant)).isEqualTo(day);
    }
}
