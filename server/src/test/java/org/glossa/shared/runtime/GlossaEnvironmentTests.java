package org.glossa.shared.runtime;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GlossaEnvironmentTests {

    private static final String REAL_SECRET = "a-real-production-secret-of-enough-length-1234";
    private static final String POSTGRES = "jdbc:postgresql://db:5432/glossa";

    private MockEnvironment apply(MockEnvironment env) {
        new GlossaEnvironment().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void withoutADatabaseItRunsEmbedded() {
        MockEnvironment env = apply(new MockEnvironment());

        assertThat(env.getProperty("glossa.mode")).isEqualTo("embedded");
        assertThat(env.getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:./data/glossa;");
        assertThat(env.getProperty("spring.cache.type")).isEqualTo("caffeine");
        assertThat(env.getProperty("glossa.redis.enabled")).isEqualTo("false");
        assertThat(env.getProperty("management.health.redis.enabled")).isEqualTo("false");
        assertThat(env.getProperty("glossa.clock.adjustable")).isEqualTo("true");
        assertThat(env.getProperty("glossa.jwt.secret")).isEqualTo(GlossaEnvironment.DEVELOPMENT_JWT_SECRET);
        assertThat(env.getProperty("spring.flyway.placeholders.json")).isEqualTo("json");
    }

    @Test
    void theEmbeddedDirectoryCanMove() {
        MockEnvironment env = apply(new MockEnvironment().withProperty("glossa.embedded.directory", "target/x/"));

        assertThat(env.getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:./target/x/glossa;");
    }

    @Test
    void explicitSettingsWinOverDerivedDefaults() {
        MockEnvironment env = apply(new MockEnvironment().withProperty("glossa.clock.adjustable", "false")
                .withProperty("glossa.jwt.secret", REAL_SECRET));

        assertThat(env.getProperty("glossa.clock.adjustable")).isEqualTo("false");
        assertThat(env.getProperty("glossa.jwt.secret")).isEqualTo(REAL_SECRET);
    }

    @Test
    void aConfiguredDatabaseAndRedisAreUsed() {
        MockEnvironment env = apply(new MockEnvironment().withProperty("spring.datasource.url", POSTGRES)
                .withProperty("spring.data.redis.url", "redis://cache:6379"));

        assertThat(env.getProperty("glossa.mode")).isEqualTo("external");
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo(POSTGRES);
        assertThat(env.getProperty("spring.cache.type")).isEqualTo("redis");
        assertThat(env.getProperty("glossa.redis.enabled")).isEqualTo("true");
        assertThat(env.getProperty("spring.flyway.placeholders.json")).isEqualTo("jsonb");
        assertThat(env.getProperty("glossa.clock.adjustable")).isNull();
    }

    @Test
    void prodStartsWithPostgresAndARealSecret() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", POSTGRES)
                .withProperty("glossa.jwt.secret", REAL_SECRET);
        env.setActiveProfiles("prod");

        apply(env);

        assertThat(env.getProperty("glossa.mode")).isEqualTo("production");
        assertThat(env.getProperty("glossa.clock.adjustable")).isEqualTo("false");
        assertThat(env.getProperty("glossa.admin.email")).isNull();
    }

    @Test
    void prodRefusesJobRunrsOwnDashboardPort() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", POSTGRES)
                .withProperty("glossa.jwt.secret", REAL_SECRET).withProperty("jobrunr.dashboard.enabled", "true");
        env.setActiveProfiles("prod");

        GlossaMisconfiguredException refused = catchThrowableOfType(GlossaMisconfiguredException.class, () -> apply(env));

        assertThat(refused.problems()).singleElement().asString().contains("jobrunr.dashboard.enabled");
    }

    @Test
    void prodRefusesToFallBackToTheEmbeddedDatabaseOrADefaultSecret() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");

        GlossaMisconfiguredException refused = catchThrowableOfType(GlossaMisconfiguredException.class, () -> apply(env));

        assertThat(refused.problems()).hasSize(2);
        assertThat(refused.problems().get(0)).contains("SPRING_DATASOURCE_URL");
        assertThat(refused.problems().get(1)).contains("GLOSSA_JWT_SECRET");
    }

    @Test
    void prodRefusesH2TheDevelopmentSecretAShortSecretAndTheTestClock() {
        assertRefused(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x;password=pw")
                .withProperty("glossa.jwt.secret", REAL_SECRET), "PostgreSQL only");
        assertRefused(new MockEnvironment().withProperty("spring.datasource.url", POSTGRES)
                .withProperty("glossa.jwt.secret", GlossaEnvironment.DEVELOPMENT_JWT_SECRET), "development default");
        assertRefused(new MockEnvironment().withProperty("spring.datasource.url", POSTGRES)
                .withProperty("glossa.jwt.secret", "too-short"), "shorter than 32 bytes");
        assertRefused(new MockEnvironment().withProperty("spring.datasource.url", POSTGRES)
                .withProperty("glossa.jwt.secret", REAL_SECRET).withProperty("glossa.clock.adjustable", "true"),
                "test clock");
    }

    @Test
    void theRefusalIsReportedAsAListWithoutStackTrace() {
        GlossaMisconfiguredException refused = new GlossaMisconfiguredException(java.util.List.of("First.", "Second."));

        FailureAnalysis analysis = new MisconfigurationFailureAnalyzer().analyze(refused);

        assertThat(analysis.getDescription()).contains("  - First.\n  - Second.");
        assertThat(analysis.getAction()).contains("README");
    }

    private void assertRefused(MockEnvironment env, String reason) {
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> apply(env)).isInstanceOf(GlossaMisconfiguredException.class)
                .hasMessageContaining(reason).hasMessageNotContaining("pw;");
    }
}
