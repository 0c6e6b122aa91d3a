package org.glossa.shared.time;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The one {@link Clock} every rule reads: the system's, or the adjustable test clock. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("glossa.clock.adjustable")
    static class Adjustable {

        @Bean
        AdjustableClock clock() {
            return new AdjustableClock(Clock.systemUTC());
        }

        @Bean
        ClockOffsets clockOffsets(JdbcClient jdbc, AdjustableClock clock) {
            return new ClockOffsets(jdbc, clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "glossa.clock.adjustable", havingValue = false, matchIfMissing = true)
    static class System {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
