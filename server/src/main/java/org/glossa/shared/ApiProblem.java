package org.glossa.shared;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error a module reports to the caller. The web layer turns it into an RFC 9457
 * {@code application/problem+json} response; the kind fixes its status, title and type.
 */
public class ApiProblem extends RuntimeException {

    private final ProblemKind kind;
    private final List<FieldViolation> violations;
    private final Duration retryAfter;
    private final Map<String, Object> properties;

    private ApiProblem(ProblemKind kind, String detail, List<FieldViolation> violations, Duration retryAfter,
            Map<String, Object> properties) {
        super(detail, null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
        this.properties = properties;
    }

    public static ApiProblem of(ProblemKind kind, String detail) {
        return new ApiProblem(kind, detail, List.of(), null, new LinkedHashMap<>());
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    public static ApiProblem invalid(List<FieldViolation> violations) {
        return new ApiProblem(ProblemKind.VALIDATION, "The request has invalid fields.", violations, null,
                new LinkedHashMap<>());
    }

    public static ApiProblem notFound(String what) {
        return of(ProblemKind.NOT_FOUND, what + " was not found.");
    }

    public static ApiProblem conflict(String detail) {
        return of(ProblemKind.CONFLICT, detail);
    }

    public static ApiProblem unauthenticated(String detail) {
        return of(ProblemKind.UNAUTHENTICATED, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return of(ProblemKind.FORBIDDEN, detail);
    }

    public static ApiProblem gone(String detail) {
        return of(ProblemKind.GONE, detail);
    }

    public static ApiProblem rateLimited(String detail, Duration retryAfter) {
        return new ApiProblem(ProblemKind.RATE_LIMITED, detail, List.of(), retryAfter, new LinkedHashMap<>());
    }

    /** Adds a member to the problem body (for example {@code nextHeartAt}). */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public ProblemKind kind() {
        return kind;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** How long the caller should wait before trying again, for rate limits; otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
