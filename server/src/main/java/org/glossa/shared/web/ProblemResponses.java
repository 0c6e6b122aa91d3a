package org.glossa.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glossa.shared.FieldViolation;
import org.glossa.shared.ProblemKind;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the one error body of the API, an RFC 9457 problem detail with the request's id, and writes
 * it where Spring MVC cannot (servlet filters, security entry points).
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(ProblemKind kind, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(kind.status());
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        problem.setDetail(detail);
        if (request != null) {
            problem.setInstance(URI.create(safePath(request)));
            problem.setProperty("requestId", RequestIds.of(request));
        }
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<FieldViolation> violations, HttpServletRequest request) {
        ProblemDetail problem = problem(ProblemKind.VALIDATION, detail, request);
        problem.setProperty("errors", violations);
        return problem;
    }

    /** Writes a problem directly to the servlet response, for code that runs outside Spring MVC. */
    public void write(HttpServletResponse response, ProblemDetail problem, Duration retryAfter) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        }
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    public static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** The request path, reduced to characters that are always a valid URI reference. */
    private static String safePath(HttpServletRequest request) {
        Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
        String path = forwarded instanceof String s ? s : request.getRequestURI();
        if (path == null) {
            return "/";
        }
        String cleaned = path.replaceAll("[^A-Za-z0-9/._~%!$&'()*+,;=:@-]", "");
        return cleaned.isEmpty() ? "/" : cleaned;
    }
}
