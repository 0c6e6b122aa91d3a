package org.glossa.shared;

/** One field at fault in a request, as listed in a validation problem's {@code errors}. */
public record FieldViolation(String field, String message) {
}
