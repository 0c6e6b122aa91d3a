package org.glossa.fsrs;

/**
 * Whether and how intervals of 3 days or more are spread over neighbouring days. Both kinds of fuzz are deterministic:
 * they draw from a seed built from the review itself (its time in epoch milliseconds, the card's repetitions after it
 * and D·S before it, ts-fsrs's seed inputs), so replaying a log gives the same intervals every time. The range of the
 * spread is ts-fsrs's in both; they differ in the generator that picks a day in it.
 */
public enum Fuzzing {

    /** No fuzz: the rounded interval. */
    OFF,

    /**
     * The default: a 64-bit mix (SplitMix64's finalizer) of the seed inputs. About 20 ns, where the generator of
     * {@link #TS_FSRS} costs over a microsecond; the days it picks are spread just as evenly, but are not ts-fsrs's.
     */
    SEEDED,

    /**
     * ts-fsrs's own: the Alea generator seeded with the string {@code "<ms>_<reps>_<D·S>"}, so that fuzzed intervals agree
     * with ts-fsrs to the day (with {@link DayBoundary#UTC_MIDNIGHT}). Use it to compare with or migrate from ts-fsrs.
     */
    TS_FSRS
}
