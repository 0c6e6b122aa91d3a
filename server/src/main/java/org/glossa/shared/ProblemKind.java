package org.glossa.shared;

import java.net.URI;

/**
 * Every kind of error the API reports, each with a stable {@code type} URI (RFC 9457) that clients
 * may switch on. The URIs are names, not links; README lists them.
 */
public enum ProblemKind {

    VALIDATION(400, "Invalid request"),
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    GONE(410, "Gone"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Unprocessable content"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL(500, "Internal server error"),
    UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;
    private final URI type;

    ProblemKind(int status, String title) {
        this.status = status;
        this.title = title;
        this.type = URI.create("urn:glossa:problem:" + name().toLowerCase().replace('_', '-'));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return type;
    }

    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
