package org.glossa.generation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a provider that keeps failing: after {@code failures} failed exchanges in a row the
 * breaker opens and calls fail at once; after {@code openFor} one call is let through (half-open),
 * whose success closes the breaker and whose failure opens it again. Per node, in memory.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;

    private int failuresInARow;
    private Instant openUntil;
    private boolean trialRunning;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = Math.max(1, threshold);
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go to the provider now; in half-open state only one caller is let through. */
    synchronized boolean allow() {
        if (openUntil == null) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trialRunning) {
            return false;
        }
        trialRunning = true;
        return true;
    }

    synchronized void succeeded() {
        failuresInARow = 0;
        openUntil = null;
        trialRunning = false;
    }

    synchronized void failed() {
        failuresInARow++;
        if (trialRunning || failuresInARow >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
        trialRunning = false;
    }

    synchronized State state() {
        if (openUntil == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
    }

    /** When the breaker lets a call through again; null while closed. */
    synchronized Instant openUntil() {
        return openUntil;
    }
}
