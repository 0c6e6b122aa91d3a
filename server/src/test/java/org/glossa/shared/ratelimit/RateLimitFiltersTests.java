package org.glossa.shared.ratelimit;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.glossa.identity.CurrentUser;
import org.glossa.identity.Role;
import org.glossa.shared.web.ProblemResponses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFiltersTests {

    private final InMemoryRequestLimiterTests.MutableClock clock =
            new InMemoryRequestLimiterTests.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final RequestLimiter limiter = new InMemoryRequestLimiter(clock);
    private final RateLimitSettings settings = new RateLimitSettings(3, 2, Duration.ofMinutes(1));
    private final ProblemResponses problems = new ProblemResponses(JsonMapper.builder().build());
    private final RateLimitFilters filters = new RateLimitFilters();

    @AfterEach
    void clearUser() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachSignedInUserHasALimitOfTheirOwn() throws Exception {
        var filter = filters.userRateLimit(limiter, settings, problems).getFilter();
        CurrentUser ana = new CurrentUser(UUID.randomUUID(), Set.of(Role.LEARNER), UUID.randomUUID());
        CurrentUser ben = new CurrentUser(UUID.randomUUID(), Set.of(Role.LEARNER), UUID.randomUUID());

        signIn(ana);
        assertThat(call(filter, "10.0.0.1", "/api/v1/me").getStatus()).isEqualTo(200);
        assertThat(call(filter, "10.0.0.2", "/api/v1/me").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call(filter, "10.0.0.3", "/api/v1/me");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("urn:glossa:problem:rate-limited");
        signIn(ben);
        assertThat(call(filter, "10.0.0.3", "/api/v1/me").getStatus()).isEqualTo(200);
        SecurityContextHolder.clearContext();
        assertThat(call(filter, "10.0.0.3", "/api/v1/auth/login").getStatus()).as("anonymous: not a user's count")
                .isEqualTo(200);
    }

    @Test
    void eachAddressHasALimitOfItsOwnAndProbesAreExempt() throws Exception {
        var filter = filters.addressRateLimit(limiter, settings, problems).getFilter();

        for (int i = 0; i < 3; i++) {
            assertThat(call(filter, "10.0.0.1", "/api/v1/auth/login").getStatus()).isEqualTo(200);
        }
        assertThat(call(filter, "10.0.0.1", "/api/v1/auth/login").getStatus()).isEqualTo(429);
        assertThat(call(filter, "10.0.0.2", "/api/v1/auth/login").getStatus()).isEqualTo(200);
        assertThat(call(filter, "10.0.0.1", "/actuator/health").getStatus()).isEqualTo(200);

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(call(filter, "10.0.0.1", "/api/v1/auth/login").getStatus()).isEqualTo(200);
    }

    private static void signIn(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_LEARNER"));
    }

    private static MockHttpServletResponse call(jakarta.servlet.Filter filter, String address, String path)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(HttpServletResponse.SC_OK);
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
