package org.glossa.shared.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.glossa.identity.CurrentUser;
import org.glossa.shared.ProblemKind;
import org.glossa.shared.web.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The general request limits, answered with 429 and {@code Retry-After}: per client address before
 * anything else runs (so that unauthenticated floods are cut too), and per signed-in user after
 * Spring Security has established who is calling. Health probes and metrics are exempt.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitFilters {

    /** Spring Security's filter chain runs at -100. */
    private static final int BEFORE_SECURITY = Ordered.HIGHEST_PRECEDENCE + 20;
    private static final int AFTER_SECURITY = 0;

    @Bean
    FilterRegistrationBean<LimitFilter> addressRateLimit(RequestLimiter limiter, RateLimitSettings settings,
            ProblemResponses problems) {
        var filter = new LimitFilter(limiter, settings.perAddress(), settings, problems) {
            @Override
            String key(HttpServletRequest request) {
                return "addr:" + request.getRemoteAddr();
            }
        };
        var registration = new FilterRegistrationBean<LimitFilter>(filter);
        registration.setOrder(BEFORE_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LimitFilter> userRateLimit(RequestLimiter limiter, RateLimitSettings settings,
            ProblemResponses problems) {
        var filter = new LimitFilter(limiter, settings.perUser(), settings, problems) {
            @Override
            String key(HttpServletRequest request) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                        ? "user:" + user.id() : null;
            }
        };
        var registration = new FilterRegistrationBean<LimitFilter>(filter);
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }

    abstract static class LimitFilter extends OncePerRequestFilter {

        private final RequestLimiter limiter;
        private final int limit;
        private final RateLimitSettings settings;
        private final ProblemResponses problems;

        LimitFilter(RequestLimiter limiter, int limit, RateLimitSettings settings, ProblemResponses problems) {
            this.limiter = limiter;
            this.limit = limit;
            this.settings = settings;
            this.problems = problems;
        }

        /** The key to count the request under, or null not to count it. */
        abstract String key(HttpServletRequest request);

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return limit <= 0 || request.getRequestURI().startsWith("/actuator/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = key(request);
            if (key != null) {
                RequestLimiter.Decision decision = limiter.tryAcquire(key, limit, settings.window());
                if (!decision.allowed()) {
                    problems.write(response, ProblemResponses.problem(ProblemKind.RATE_LIMITED,
                            "Too many requests; try again in " + ProblemResponses.retryAfterSeconds(decision.retryAfter())
                                    + " seconds.", request), decision.retryAfter());
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
