package org.glossa.shared.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says once, at start, in which mode the server runs, so nobody mistakes a demo for production. */
@Component
class RunningMode {

    private static final Logger log = LoggerFactory.getLogger(RunningMode.class);

    private final String mode;
    private final boolean redis;

    RunningMode(@Value("${glossa.mode}") String mode, @Value("${glossa.redis.enabled}") boolean redis) {
        this.mode = mode;
        this.redis = redis;
    }

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        switch (mode) {
            case "embedded" -> log.warn("Glossa is running in EMBEDDED mode: H2 database in ./data, in-process cache, "
                    + "no Redis, adjustable test clock; for trying out only. API docs: http://localhost:{}/docs. "
                    + "Unless GLOSSA_ADMIN_EMAIL is set, the admin is {} with password {}", port,
                    GlossaEnvironment.EMBEDDED_ADMIN_EMAIL, GlossaEnvironment.EMBEDDED_ADMIN_PASSWORD);
            case "production" -> log.info("Glossa is running in production mode on PostgreSQL{}",
                    redis ? " and Redis" : " without Redis (caches and rate limits per node)");
            default -> log.info("Glossa is running on an external database{}", redis ? " and Redis" : ", without Redis");
        }
    }
}
