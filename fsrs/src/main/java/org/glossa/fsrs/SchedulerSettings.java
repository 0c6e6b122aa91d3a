package org.glossa.fsrs;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How a learner wants to be scheduled. Immutable; change one setting with the {@code with...} methods.
 *
 * @param desiredRetention probability of recall at which a card falls due, in (0, 1]; 0.9 by default
 * @param learningSteps    delays between the first reviews of a new card, whole minutes; 1 min and 10 min by default
 * @param relearningSteps  delays after a lapse before the card returns to days, whole minutes; 10 min by default
 * @param maximumInterval  longest interval in days; 36500 by default
 * @param fuzzing          whether and how intervals of 3 days or more are spread by a deterministic fuzz;
 *                         {@link Fuzzing#SEEDED} by default
 * @param shortTerm        whether same-day reviews change stability by the short-term formula and (re)learning steps
 *                         are used; off gives ts-fsrs's long-term scheduler (days for every answer)
 * @param dayBoundary      where the learner's days begin, for counting elapsed days
 */
public record SchedulerSettings(double desiredRetention, List<Duration> learningSteps, List<Duration> relearningSteps,
                                int maximumInterval, Fuzzing fuzzing, boolean shortTerm, DayBoundary dayBoundary) {

    private static final SchedulerSettings DEFAULTS = new SchedulerSettings(0.9,
        List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)),
        36500, Fuzzing.SEEDED, true, new DayBoundary(ZoneOffset.UTC, DayBoundary.DEFAULT_START_HOUR));

    public SchedulerSettings {
        if (!(desiredRetention > 0 && desiredRetention <= 1)) {
            throw new IllegalArgumentException("desired retention must be in (0, 1], was " + desiredRetention);
        }
        learningSteps = checkSteps("learning", learningSteps);
        relearningSteps = checkSteps("relearning", relearningSteps);
        if (maximumInterval < 1) {
            throw new IllegalArgumentException("maximum interval must be at least 1 day, was " + maximumInterval);
        }
        if (fuzzing == null) {
            throw new IllegalArgumentException("fuzzing must not be null (use Fuzzing.OFF for none)");
        }
        if (dayBoundary == null) {
            throw new IllegalArgumentException("day boundary must not be null");
        }
    }

    private static List<Duration> checkSteps(String kind, List<Duration> steps) {
        if (steps == null) {
            throw new IllegalArgumentException(kind + " steps must not be null (use an empty list for none)");
        }
        for (Duration step : steps) {
            if (step == null || step.isNegative() || step.isZero() || step.toSecondsPart() != 0
                || step.toNanosPart() != 0) {
                throw new IllegalArgumentException(kind + " steps must be positive whole minutes, was " + step);
            }
        }
        return List.copyOf(steps);
    }

    /** Retention 0.9, steps [1m, 10m] and [10m], at most 36500 days, seeded fuzz, short-term on, days from 4 a.m. UTC. */
    public static SchedulerSettings defaults() {
        return DEFAULTS;
    }

    public SchedulerSettings withDesiredRetention(double retention) {
        return new SchedulerSettings(retention, learningSteps, relearningSteps, maximumInterval, fuzzing, shortTerm,
            dayBoundary);
    }

    public SchedulerSettings withLearningSteps(List<Duration> steps) {
        return new SchedulerSettings(desiredRetention, steps, relearningSteps, maximumInterval, fuzzing, shortTerm,
            dayBoundary);
    }

    public SchedulerSettings withRelearningSteps(List<Duration> steps) {
        return new SchedulerSettings(desiredRetention, learningSteps, steps, maximumInterval, fuzzing, shortTerm,
            dayBoundary);
    }

    public SchedulerSettings withMaximumInterval(int days) {
        return new SchedulerSettings(desiredRetention, learningSteps, relearningSteps, days, fuzzing, shortTerm,
            dayBoundary);
    }

    /** Whether intervals are fuzzed at all. */
    public boolean fuzz() {
        return fuzzing != Fuzzing.OFF;
    }

    /** Fuzz off, or on with the kind already chosen ({@link Fuzzing#SEEDED} if it was off). */
    public SchedulerSettings withFuzz(boolean on) {
        return withFuzzing(on ? (fuzzing == Fuzzing.OFF ? Fuzzing.SEEDED : fuzzing) : Fuzzing.OFF);
    }

    public SchedulerSettings withFuzzing(Fuzzing kind) {
        return new SchedulerSettings(desiredRetention, learningSteps, relearningSteps, maximumInterval, kind, shortTerm,
            dayBoundary);
    }

    public SchedulerSettings withShortTerm(boolean on) {
        return new SchedulerSettings(desiredRetention, learningSteps, relearningSteps, maximumInterval, fuzzing, on,
            dayBoundary);
    }

    public SchedulerSettings withDayBoundary(DayBoundary boundary) {
        return new SchedulerSettings(desiredRetention, learningSteps, relearningSteps, maximumInterval, fuzzing,
            shortTerm, boundary);
    }

    /** Shorthand for {@code withDayBoundary(new DayBoundary(zone, startHour))}. */
    public SchedulerSettings withDayBoundary(ZoneId zone, int startHour) {
        return withDayBoundary(new DayBoundary(zone, startHour));
    }
}
