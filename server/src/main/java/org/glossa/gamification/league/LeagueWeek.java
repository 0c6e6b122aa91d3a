package org.glossa.gamification.league;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** A league week: Monday 00:00 UTC to the next Monday 00:00 UTC, named by its Monday. */
public record LeagueWeek(LocalDate start) {

    public static LeagueWeek of(Instant instant) {
        LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
        return new LeagueWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    public Instant startsAt() {
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant endsAt() {
        return start.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public LeagueWeek next() {
        return new LeagueWeek(start.plusWeeks(1));
    }

    public LeagueWeek previous() {
        return new LeagueWeek(start.minusWeeks(1));
    }

    public boolean before(LeagueWeek other) {
        return start.isBefore(other.start);
    }
}
