package org.glossa.gamification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.glossa.fsrs.DayBoundary;

/**
 * A learner's streak, immutable; the rules as pure functions of the state, an instant and the learner's day
 * boundary (time zone and day start hour), evaluated lazily when the learner is seen.
 *
 * <p>{@code lastDay} is the last day the streak covers (active, frozen or repaired), in the day boundary
 * {@code boundary} the learner had then. A day is <em>missed</em> only when it is missed both in that boundary
 * and in the learner's current one: changing time zone or day start never costs a day, and it gains at most the
 * difference of the two boundaries once (the date of an activity never goes back before {@code lastDay}).
 *
 * @param current days of activity in the current streak (frozen days hold it, they do not add to it)
 * @param lostLength the length of the last lost streak, while it can be repaired (0 otherwise)
 * @param lostOn the first missed day of the lost streak
 */
record Streak(int current, int longest, LocalDate lastDay, DayBoundary boundary, int freezes,
        int lostLength, LocalDate lostOn) {

    static final Streak NONE = new Streak(0, 0, null, null, 0, 0, null);

    enum DayState { ACTIVE, FROZEN, REPAIRED }

    record CalendarDay(LocalDate day, DayState state) {
    }

    /** The result of a rule: the new state, the calendar days it wrote, and what happened. */
    record Change(Streak streak, List<CalendarDay> days, boolean extended, boolean lost, int lostLength,
            LocalDate missedDay) {

        static Change none(Streak streak) {
            return new Change(streak, List.of(), false, false, 0, null);
        }
    }

    /** Missed days since {@code lastDay} consume freezes, then end the streak. */
    Change evaluate(Instant now, DayBoundary currentBoundary) {
        if (current == 0 || lastDay == null) {
            return Change.none(this);
        }
        LocalDate today = currentBoundary.dayOf(now);
        LocalDate todayThen = (boundary != null ? boundary : currentBoundary).dayOf(now);
        long missed = Math.min(ChronoUnit.DAYS.between(lastDay, today), ChronoUnit.DAYS.between(lastDay, todayThen)) - 1;
        if (missed <= 0) {
            return Change.none(this);
        }
        int frozen = (int) Math.min(missed, freezes);
        List<CalendarDay> days = new ArrayList<>();
        for (int i = 1; i <= frozen; i++) {
            days.add(new CalendarDay(lastDay.plusDays(i), DayState.FROZEN));
        }
        LocalDate covered = lastDay.plusDays(frozen);
        if (frozen == missed) {
            return new Change(new Streak(current, longest, covered, boundary, freezes - frozen, lostLength, lostOn),
                    days, false, false, 0, null);
        }
        LocalDate missedDay = covered.plusDays(1);
        return new Change(new Streak(0, longest, covered, boundary, freezes - frozen, current, missedDay), days,
                false, true, current, missedDay);
    }

    /** Activity at {@code now}: evaluates missed days first, then counts the learner's day once. */
    Change activity(Instant now, DayBoundary currentBoundary) {
        Change evaluated = evaluate(now, currentBoundary);
        Streak s = evaluated.streak();
        LocalDate day = currentBoundary.dayOf(now);
        if (s.current > 0 && !day.isAfter(s.lastDay)) {
            return evaluated;
        }
        if (s.lastDay != null && day.isBefore(s.lastDay)) {
            day = s.lastDay; // never count a day before the last one counted (a zone change westwards)
        }
        int length = s.current + 1;
        Streak next = new Streak(length, Math.max(s.longest, length), day,
                currentBoundary, s.freezes, s.lostLength, s.lostOn);
        List<CalendarDay> days = new ArrayList<>(evaluated.days());
        days.add(new CalendarDay(day, DayState.ACTIVE));
        return new Change(next, days, true, evaluated.lost(), evaluated.lostLength(), evaluated.missedDay());
    }

    /** The last day a lost streak can still be repaired, or null when there is none to repair. */
    LocalDate repairableUntil(int repairDays) {
        return lostLength > 0 && lostOn != null ? lostOn.plusDays(repairDays) : null;
    }

    boolean repairable(Instant now, DayBoundary currentBoundary, int repairDays) {
        LocalDate until = repairableUntil(repairDays);
        return until != null && !currentBoundary.dayOf(now).isAfter(until);
    }

    /**
     * Restores the lost streak: the missed days up to yesterday that have no activity become repaired days (the
     * caller keeps existing calendar days), and a streak started since joins the restored one.
     */
    Change repair(Instant now, DayBoundary currentBoundary) {
        LocalDate yesterday = currentBoundary.dayOf(now).minusDays(1);
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d = lostOn; !d.isAfter(yesterday); d = d.plusDays(1)) {
            days.add(new CalendarDay(d, DayState.REPAIRED));
        }
        int length = lostLength + current;
        Streak next = new Streak(length, Math.max(longest, length), current > 0 ? lastDay : yesterday,
                current > 0 ? boundary : currentBoundary, freezes, 0, null);
        return new Change(next, days, false, false, 0, null);
    }

    Streak withFreezes(int freezes) {
        return new Streak(current, longest, lastDay, boundary, freezes, lostLength, lostOn);
    }

    static DayBoundary boundary(String zone, Integer dayStart) {
        return zone == null || dayStart == null ? null : new DayBoundary(ZoneId.of(zone), dayStart);
    }
}
