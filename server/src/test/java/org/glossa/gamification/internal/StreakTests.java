package org.glossa.gamification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.glossa.fsrs.DayBoundary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The streak rules as plain functions: days, freezes, loss, repair, time zones and day starts. */
class StreakTests {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final DayBoundary MADRID_4AM = new DayBoundary(MADRID, 4);

    static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    static Streak play(Streak streak, Instant at, DayBoundary boundary) {
        return streak.activity(at, boundary).streak();
    }

    @Test
    void consecutiveDaysExtendAndTheSameDayCountsOnce() {
        Streak s = play(Streak.NONE, at("2026-11-02T10:00", MADRID), MADRID_4AM);
        Streak.Change again = s.activity(at("2026-11-02T22:00", MADRID), MADRID_4AM);
        assertThat(again.extended()).isFalse();
        s = play(again.streak(), at("2026-11-03T09:00", MADRID), MADRID_4AM);
        assertThat(s.current()).isEqualTo(2);
        assertThat(s.longest()).isEqualTo(2);
        assertThat(s.lastDay()).isEqualTo(LocalDate.parse("2026-11-03"));
    }

    @Test
    void beforeTheDayStartHourItIsStillYesterday() {
        Streak s = play(Streak.NONE, at("2026-11-02T10:00", MADRID), MADRID_4AM);
        Streak.Change lateNight = s.activity(at("2026-11-03T03:30", MADRID), MADRID_4AM);
        assertThat(lateNight.extended()).isFalse();
        assertThat(lateNight.streak().current()).isEqualTo(1);
        // At midnight-start the same instant is the next day.
        Streak midnight = play(Streak.NONE, at("2026-11-02T10:00", MADRID), new DayBoundary(MADRID, 0));
        assertThat(play(midnight, at("2026-11-03T03:30", MADRID), new DayBoundary(MADRID, 0)).current()).isEqualTo(2);
    }

    @Test
    void missedDaysConsumeFreezesThenTheStreakIsLostAndCanBeRepairedForTwoDays() {
        Streak s = play(Streak.NONE, at("2026-11-02T10:00", MADRID), MADRID_4AM);
        s = play(s, at("2026-11-03T10:00", MADRID), MADRID_4AM).withFreezes(1);
        Streak.Change frozen = s.evaluate(at("2026-11-05T10:00", MADRID), MADRID_4AM);
        assertThat(frozen.lost()).isFalse();
        assertThat(frozen.days()).containsExactly(new Streak.CalendarDay(LocalDate.parse("2026-11-04"), Streak.DayState.FROZEN));
        assertThat(frozen.streak().current()).isEqualTo(2);
        assertThat(frozen.streak().freezes()).isZero();
        // Evaluating again changes nothing.
        assertThat(frozen.streak().evaluate(at("2026-11-05T20:00", MADRID), MADRID_4AM).days()).isEmpty();

        Streak.Change lost = frozen.streak().evaluate(at("2026-11-07T10:00", MADRID), MADRID_4AM);
        assertThat(lost.lost()).isTrue();
        assertThat(lost.lostLength()).isEqualTo(2);
        assertThat(lost.missedDay()).isEqualTo(LocalDate.parse("2026-11-05"));
        assertThat(lost.streak().current()).isZero();
        assertThat(lost.streak().longest()).isEqualTo(2);
        assertThat(lost.streak().repairable(at("2026-11-07T10:00", MADRID), MADRID_4AM, 2)).isTrue();
        assertThat(lost.streak().repairable(at("2026-11-08T10:00", MADRID), MADRID_4AM, 2)).isFalse();

        // A lesson the same day starts a new streak; the repair joins both and fills the missed days.
        Streak restarted = play(lost.streak(), at("2026-11-07T11:00", MADRID), MADRID_4AM);
        assertThat(restarted.current()).isEqualTo(1);
        Streak.Change repaired = restarted.repair(at("2026-11-07T12:00", MADRID), MADRID_4AM);
        assertThat(repaired.streak().current()).isEqualTo(3);
        assertThat(repaired.days()).extracting(Streak.CalendarDay::day)
                .containsExactly(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-06"));
        assertThat(repaired.streak().repairable(at("2026-11-07T12:00", MADRID), MADRID_4AM, 2)).isFalse();
        assertThat(play(repaired.streak(), at("2026-11-08T10:00", MADRID), MADRID_4AM).current()).isEqualTo(4);
    }

    @Test
    void repairWithoutActivityKeepsTodayOpen() {
        Streak s = play(Streak.NONE, at("2026-11-02T10:00", MADRID), MADRID_4AM);
        Streak lost = s.evaluate(at("2026-11-04T10:00", MADRID), MADRID_4AM).streak();
        Streak repaired = lost.repair(at("2026-11-04T10:00", MADRID), MADRID_4AM).streak();
        assertThat(repaired.current()).isEqualTo(1);
        assertThat(repaired.lastDay()).isEqualTo(LocalDate.parse("2026-11-03"));
        assertThat(play(repaired, at("2026-11-04T11:00", MADRID), MADRID_4AM).current()).isEqualTo(2);
    }

    @Test
    void flyingEastNeverCostsADay() {
        // Active late on Monday in Honolulu (UTC-10); next activity 20 hours later from Kiritimati (UTC+14),
        // where it is already Wednesday: in Honolulu it is Tuesday, so no day was missed.
        ZoneId honolulu = ZoneId.of("Pacific/Honolulu");
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        Instant monday = at("2026-11-02T20:00", honolulu);
        Streak s = play(Streak.NONE, monday, new DayBoundary(honolulu, 0));
        Instant later = monday.plusSeconds(20 * 3600);
        DayBoundary east = new DayBoundary(kiritimati, 0);
        assertThat(east.dayOf(later)).isEqualTo(LocalDate.parse("2026-11-04"));
        Streak.Change change = s.activity(later, east);
        assertThat(change.lost()).isFalse();
        assertThat(change.streak().current()).isEqualTo(2);
    }

    @Test
    void flyingWestNeverCountsADayTwiceNorGoesBack() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ZoneId la = ZoneId.of("America/Los_Angeles");
        Instant tuesdayTokyo = at("2026-11-03T10:00", tokyo);
        Streak s = play(Streak.NONE, tuesdayTokyo, new DayBoundary(tokyo, 0));
        // Three hours later in Los Angeles it is still Monday: the same streak day, nothing new.
        Streak.Change change = s.activity(tuesdayTokyo.plusSeconds(3 * 3600), new DayBoundary(la, 0));
        assertThat(change.extended()).isFalse();
        assertThat(change.streak().lastDay()).isEqualTo(LocalDate.parse("2026-11-03"));
        // Wednesday in Los Angeles extends it.
        assertThat(play(change.streak(), at("2026-11-04T09:00", la), new DayBoundary(la, 0)).current()).isEqualTo(2);
    }

    @Test
    void aLaterDayStartNeverCostsTheEveningBefore() {
        Streak s = play(Streak.NONE, at("2026-11-02T23:00", MADRID), new DayBoundary(MADRID, 0));
        // The learner moves their day start to 6 a.m.; at 5 a.m. on Wednesday it is still Tuesday for them.
        Streak.Change change = s.evaluate(at("2026-11-04T05:00", MADRID), new DayBoundary(MADRID, 6));
        assertThat(change.lost()).isFalse();
        assertThat(play(s, at("2026-11-04T05:00", MADRID), new DayBoundary(MADRID, 6)).current()).isEqualTo(2);
    }

    @Test
    void daylightSavingDoesNotBreakAStreak() {
        Streak s = play(Streak.NONE, at("2026-03-28T10:00", MADRID), MADRID_4AM);
        // The night of 28-29 March 2026 is one hour shorter in Madrid.
        s = play(s, at("2026-03-29T04:30", MADRID), MADRID_4AM);
        assertThat(s.current()).isEqualTo(2);
        assertThat(s.evaluate(at("2026-03-30T23:59", MADRID), MADRID_4AM).lost()).isFalse();
    }
}
