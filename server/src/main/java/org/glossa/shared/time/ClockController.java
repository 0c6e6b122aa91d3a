package org.glossa.shared.time;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import org.glossa.shared.ApiProblem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The test clock's admin API; it exists only where {@code glossa.clock.adjustable=true}. */
@RestController
@RequestMapping("/api/v1/admin/clock")
@ConditionalOnBooleanProperty("glossa.clock.adjustable")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: test clock", description = "Move the server's time to try streaks, leagues and reminders end to end. Absent in prod.")
@SecurityRequirement(name = "bearer")
class ClockController {

    private final AdjustableClock clock;
    private final ClockOffsets offsets;

    ClockController(AdjustableClock clock, ClockOffsets offsets) {
        this.clock = clock;
        this.offsets = offsets;
    }

    record ClockView(Instant now, Duration offset) {
    }

    /** Exactly one of the two: move forward by a duration, or jump forward to an instant. */
    record ClockChange(Duration advance, Instant set) {
    }

    @GetMapping
    @Operation(summary = "Read the server's clock")
    ClockView read() {
        return view();
    }

    @PostMapping
    @Operation(summary = "Move the server's clock forward", description = "Give `advance` (ISO-8601 duration such as P1DT2H) or `set` (an instant). The clock keeps running from there. It only moves forward, so that nothing recorded lies in the future.")
    ClockView change(@RequestBody ClockChange change) {
        if ((change.advance() == null) == (change.set() == null)) {
            throw ApiProblem.invalid("advance", "give exactly one of 'advance' and 'set'");
        }
        Duration offset;
        if (change.advance() != null) {
            if (change.advance().isNegative() || change.advance().isZero()) {
                throw ApiProblem.invalid("advance", "must be a positive duration");
            }
            offset = clock.offset().plus(change.advance());
        } else {
            if (change.set().isBefore(clock.instant())) {
                throw ApiProblem.invalid("set", "must not be before the clock's current time " + clock.instant());
            }
            offset = clock.offsetFor(change.set());
        }
        offsets.store(offset);
        return view();
    }

    @DeleteMapping
    @Operation(summary = "Return the server's clock to real time")
    ClockView reset() {
        offsets.store(Duration.ZERO);
        return view();
    }

    private ClockView view() {
        return new ClockView(clock.instant(), clock.offset());
    }
}
