package org.glossa.shared.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.glossa.shared.ProblemKind;
import org.glossa.shared.web.ProblemResponses;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The general request limit per client address and per signed-in user, answered with 429 and
 * {@code Retry-After}. Runs after Spring Security, so the user is known; health probes are exempt.
 */
@Component
@Order(0)
class RateLimitFilter extends OncePerRequestFilter {

    private final RequestLimiter limiter;
    private final RateLimitSettings settings;
    private final ProblemResponses problems;

    RateLimitFilter(RequestLimiter limiter, RateLimitSettings settings, ProblemResponses problems) {
        this.limiter = limiter;
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (settings.perAddress() > 0) {
            var decision = limiter.tryAcquire("addr:" + request.getRemoteAddr(), settings.perAddress(), settings.window());
            if (!decision.allowed()) {
                refuse(request, response, decision);
                return;
            }
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (settings.perUser() > 0 && user != null && user.isAuthenticated() && user.getName() != null
                && !"anonymousUser".equals(user.getName())) {
            var decision = limiter.tryAcquire("user:" + user.getName(), settings.perUser(), settings.window());
            if (!decision.allowed()) {
                refuse(request, response, decision);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RequestLimiter.Decision decision)
            throws IOException {
        problems.write(response, ProblemResponses.problem(ProblemKind.RATE_LIMITED,
                "Too many requests; try again in " + ProblemResponses.retryAfterSeconds(decision.retryAfter())
                        + " seconds.", request), decision.retryAfter());
    }
}
