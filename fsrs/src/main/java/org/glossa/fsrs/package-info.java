/**
 * FSRS-6, the Free Spaced Repetition Scheduler, in plain Java: the memory model ({@link org.glossa.fsrs.Fsrs}),
 * its 21 {@link org.glossa.fsrs.Parameters}, and a {@link org.glossa.fsrs.Scheduler} that turns a rating into the
 * next due time.
 *
 * <p>The formulas follow fsrs-rs 6.6.1 ({@code src/model.rs}), computed in double precision; the scheduler follows
 * ts-fsrs 5.4.1 where the reference schedulers differ. Everything here is deterministic and free of I/O: time is
 * always passed in as an {@link java.time.Instant}, never read from a clock.
 */
package org.glossa.fsrs;
