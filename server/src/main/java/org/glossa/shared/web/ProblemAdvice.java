package org.glossa.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.FieldViolation;
import org.glossa.shared.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem. Messages of unexpected
 * exceptions never leave the server: they go to the log with the request id, which the body repeats.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem ex, HttpServletRequest request) {
        ProblemDetail problem = ex.violations().isEmpty()
                ? ProblemResponses.problem(ex.kind(), ex.detail(), request)
                : ProblemResponses.invalid(ex.detail(), ex.violations(), request);
        ex.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.kind().status());
        if (ex.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(ProblemResponses.retryAfterSeconds(ex.retryAfter())));
        }
        if (ex.kind() == ProblemKind.UNAUTHENTICATED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalidBody(BindException ex, HttpServletRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            String message = error.isBindingFailure() ? "has the wrong type" : error.getDefaultMessage();
            violations.add(new FieldViolation(error.getField(), message));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(new FieldViolation(error.getObjectName(), error.getDefaultMessage())));
        return invalid(violations, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> {
                String field = error instanceof FieldError fe ? fe.getField() : name;
                violations.add(new FieldViolation(field, error.getDefaultMessage()));
            });
        });
        return invalid(violations, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolations(ConstraintViolationException ex, HttpServletRequest request) {
        List<FieldViolation> violations = ex.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return invalid(violations, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
        return invalid(List.of(new FieldViolation(ex.getParameterName(), "is required")), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        return invalid(List.of(new FieldViolation(ex.getName(), "has the wrong format")), request);
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ProblemDetail> binding(ServletRequestBindingException ex, HttpServletRequest request) {
        return respond(ProblemKind.MALFORMED_REQUEST, "The request is missing a required header or value.", request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException) {
                return respond(ProblemKind.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint accepts.",
                        request);
            }
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                String field = databind.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                ProblemDetail problem = ProblemResponses.invalid("The request body has a field of the wrong type or format.",
                        List.of(new FieldViolation(field, "has the wrong type or format")), request);
                return ResponseEntity.badRequest().body(problem);
            }
        }
        String detail = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                ? "The request body is missing."
                : "The request body is not valid JSON.";
        return respond(ProblemKind.MALFORMED_REQUEST, detail, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(ProblemKind.METHOD_NOT_ALLOWED,
                "Method " + ex.getMethod() + " is not supported here.", request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED);
        if (ex.getSupportedHttpMethods() != null) {
            response.allow(ex.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new));
        }
        return response.body(problem);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
        String supported = ex.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        return respond(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                "Content type " + (ex.getContentType() == null ? "(none)" : ex.getContentType().toString())
                        + " is not supported here" + (supported.isEmpty() ? "." : "; use " + supported + "."),
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
        return respond(ProblemKind.NOT_ACCEPTABLE, "None of the requested media types can be produced.", request);
    }

    @ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
    ResponseEntity<ProblemDetail> noSuchPath(Exception ex, HttpServletRequest request) {
        return respond(ProblemKind.NOT_FOUND, "There is nothing at this path.", request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
        return respond(ProblemKind.PAYLOAD_TOO_LARGE, "The uploaded file is larger than this endpoint accepts.", request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException ex, HttpServletRequest request) {
        return respond(ProblemKind.MALFORMED_REQUEST, "The multipart request could not be read.", request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> authentication(AuthenticationException ex, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(ProblemResponses.problem(ProblemKind.UNAUTHENTICATED, "A valid access token is required.", request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex, HttpServletRequest request) {
        return respond(ProblemKind.FORBIDDEN, "You are not allowed to do this.", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        String requestId = RequestIds.of(request);
        log.error("Unexpected error on {} {} (request {})", request.getMethod(), request.getRequestURI(), requestId, ex);
        return respond(ProblemKind.INTERNAL,
                "Something went wrong on our side. Quote request id " + requestId + " when reporting it.", request);
    }

    private static ResponseEntity<ProblemDetail> invalid(List<FieldViolation> violations, HttpServletRequest request) {
        List<FieldViolation> sorted = violations.stream()
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message)).toList();
        return ResponseEntity.badRequest()
                .body(ProblemResponses.invalid("The request has invalid fields.", sorted, request));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemKind kind, String detail, HttpServletRequest request) {
        return ResponseEntity.status(kind.status()).body(ProblemResponses.problem(kind, detail, request));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
