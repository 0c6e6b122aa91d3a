package org.glossa.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** Where a request's id lives: a request attribute, the MDC (so log lines carry it) and a header. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = RequestIds.class.getName();

    /** A caller's id is kept only when it is short and plain, so it cannot forge log lines. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    static String acceptOrCreate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id of the request being served, or a fresh one if none was assigned. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id instanceof String s) {
            return s;
        }
        String mdc = MDC.get(MDC_KEY);
        return mdc != null ? mdc : acceptOrCreate(request.getHeader(HEADER));
    }
}
