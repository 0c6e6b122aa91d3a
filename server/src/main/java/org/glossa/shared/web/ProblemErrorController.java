package org.glossa.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.glossa.shared.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error dispatch (errors raised before or outside Spring MVC) with the same
 * problem body as everything else, in place of Boot's default error page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "/error", produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "*/*" })
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail = switch (kind) {
            case NOT_FOUND -> "There is nothing at this path.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than this endpoint accepts.";
            case INTERNAL -> "Something went wrong on our side. Quote request id " + RequestIds.of(request)
                    + " when reporting it.";
            default -> "The request could not be processed.";
        };
        if (status >= 500) {
            Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Unexpected error on {} (request {})", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    RequestIds.of(request), error instanceof Throwable t ? t : null);
        }
        ProblemDetail problem = ProblemResponses.problem(kind, detail, request);
        problem.setStatus(status);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
