package org.glossa.shared.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Decides, before anything starts, how Glossa runs: in {@code prod} it insists on PostgreSQL and a
 * real signing secret and refuses to start otherwise; without a configured database it runs in
 * embedded mode (H2 under ./data, in-process cache, no Redis, test clock on). It also derives the
 * settings that follow from that choice, as defaults that explicit configuration still overrides.
 */
public class GlossaEnvironment implements EnvironmentPostProcessor, Ordered {

    /** The signing secret used when none is configured outside prod; prod refuses it. */
    public static final String DEVELOPMENT_JWT_SECRET = "glossa-development-secret-never-use-in-production";

    public static final String EMBEDDED_ADMIN_EMAIL = "admin@glossa.local";
    public static final String EMBEDDED_ADMIN_PASSWORD = "glossa-admin-password";

    static final String EMBEDDED_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public enum Mode { EMBEDDED, EXTERNAL, PRODUCTION }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean prod = env.acceptsProfiles(Profiles.of("prod"));
        String url = env.getProperty("spring.datasource.url");
        boolean redis = StringUtils.hasText(env.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.host"));
        String secret = env.getProperty("glossa.jwt.secret");
        Map<String, Object> derived = new HashMap<>();

        Mode mode;
        if (prod) {
            checkProduction(url, secret, env.getProperty("glossa.clock.adjustable", Boolean.class, false),
                    env.getProperty("jobrunr.dashboard.enabled", Boolean.class, false));
            mode = Mode.PRODUCTION;
            derived.put("glossa.clock.adjustable", "false");
        } else if (!StringUtils.hasText(url)) {
            mode = Mode.EMBEDDED;
            // glossa.embedded.directory (default ./data) holds the H2 database files.
            String directory = env.getProperty("glossa.embedded.directory", "./data").replaceAll("/+$", "");
            if (!directory.startsWith("/") && !directory.startsWith(".") && !directory.startsWith("~")) {
                directory = "./" + directory; // H2 wants relative paths spelled out as such
            }
            url = "jdbc:h2:file:" + directory + "/glossa" + EMBEDDED_OPTIONS;
            derived.put("spring.datasource.url", url);
            derived.put("spring.datasource.username", "sa");
            derived.put("spring.datasource.password", "");
            derived.put("glossa.clock.adjustable", "true");
            // A known admin, so that the test clock and admin API can be tried at once; never outside embedded mode.
            derived.put("glossa.admin.email", EMBEDDED_ADMIN_EMAIL);
            derived.put("glossa.admin.password", EMBEDDED_ADMIN_PASSWORD);
        } else {
            mode = Mode.EXTERNAL;
        }
        if (!prod && !StringUtils.hasText(secret)) {
            derived.put("glossa.jwt.secret", DEVELOPMENT_JWT_SECRET);
        }
        derived.put("glossa.mode", mode.name().toLowerCase());
        derived.put("glossa.redis.enabled", Boolean.toString(redis));
        derived.put("spring.cache.type", redis ? "redis" : "caffeine");
        if (!redis) {
            derived.put("management.health.redis.enabled", "false");
        }
        // One migration set for both databases: JSON columns are 'json' on H2 and 'jsonb' on PostgreSQL.
        derived.put("spring.flyway.placeholders.json", url.startsWith("jdbc:h2:") ? "json" : "jsonb");
        // Prefix searches (LIKE 'abc%') use a btree index on PostgreSQL whatever the collation only with pattern ops.
        derived.put("spring.flyway.placeholders.text_pattern_ops", url.startsWith("jdbc:h2:") ? "" : "varchar_pattern_ops");
        env.getPropertySources().addLast(new MapPropertySource("glossaDerived", derived));
    }

    private static void checkProduction(String url, String secret, boolean adjustableClock, boolean jobDashboard) {
        List<String> problems = new ArrayList<>();
        if (!StringUtils.hasText(url)) {
            problems.add("No database is configured. Set SPRING_DATASOURCE_URL (jdbc:postgresql://HOST:5432/DB), "
                    + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
        } else if (!url.startsWith("jdbc:postgresql:")) {
            problems.add("The prod profile runs on PostgreSQL only, but SPRING_DATASOURCE_URL is '"
                    + url.replaceAll("password=[^;&]*", "password=***") + "'.");
        }
        if (!StringUtils.hasText(secret)) {
            problems.add("No token signing secret is configured. Set GLOSSA_JWT_SECRET (glossa.jwt.secret) "
                    + "to a random string of at least 32 bytes.");
        } else if (secret.equals(DEVELOPMENT_JWT_SECRET)) {
            problems.add("GLOSSA_JWT_SECRET (glossa.jwt.secret) is the development default; set a secret of your own.");
        } else if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            problems.add("GLOSSA_JWT_SECRET (glossa.jwt.secret) is shorter than 32 bytes.");
        }
        if (adjustableClock) {
            problems.add("glossa.clock.adjustable=true (the test clock) is not allowed in the prod profile.");
        }
        if (jobDashboard) {
            // JobRunr's own dashboard is a web server on every interface of the machine, outside Glossa's security.
            problems.add("jobrunr.dashboard.enabled=true is not allowed in the prod profile: JobRunr's dashboard "
                    + "listens on every interface. Use glossa.jobs.dashboard.enabled=true (loopback only, with a "
                    + "user name and password) or /api/v1/admin/jobs.");
        }
        if (!problems.isEmpty()) {
            throw new GlossaMisconfiguredException(problems);
        }
    }
}
