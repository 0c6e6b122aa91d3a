package org.glossa.dictionary.bench;

import org.glossa.GlossaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Gives an existing scratch PostgreSQL database the server's current schema, by starting the server on it once:
 * its own Flyway runs every migration (SQL and Java, with the placeholders the server sets), then the server stops.
 * Not a test: benchmarks/dictionary-search/run.sh runs it on purpose with {@code -Dglossa.bench.db=<database>}.
 */
class BenchmarkSchema {

    @Test
    void migrate() {
        String db = System.getProperty("glossa.bench.db");
        if (db == null || !db.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("-Dglossa.bench.db=<name of an existing scratch database> is required");
        }
        String url = System.getProperty("glossa.bench.pg", "jdbc:postgresql://127.0.0.1:5432/") + db;
        // Command-line arguments, so that they win over application.yaml; the server stops once it has started.
        new SpringApplicationBuilder(GlossaApplication.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
                "--jobrunr.background-job-server.enabled=false", "--glossa.content.demo=false",
                "--logging.level.root=warn").close();
        System.out.println("Migrated " + url + " with the server's Flyway");
    }
}
