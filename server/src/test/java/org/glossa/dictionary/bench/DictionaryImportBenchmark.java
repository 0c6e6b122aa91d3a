package org.glossa.dictionary.bench;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.glossa.GlossaApplication;
import org.glossa.bench.CpuTime;
import org.glossa.dictionary.DictionarySamples;
import org.glossa.dictionary.internal.DictionaryImports;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wiktextract import speed into PostgreSQL, and beside it PostgreSQL's own COPY of the very rows the
 * import wrote (the ceiling). Not a test: run on purpose (see benchmarks/dictionary-search/README.md).
 * Generates a JSONL file of {@code glossa.bench.lines} entries (default 200,000) from the real sample
 * lines under 4 KB (about 2.1 KB each), every entry with its own word and forms; creates a scratch
 * database, starts the server on it without its job runner, runs the import job and times it: once right
 * after start (cold), then again into emptied tables {@code glossa.bench.again} times (default 6).
 */
class DictionaryImportBenchmark {

    @Test
    void importSpeed() throws Exception {
        int lines = Integer.getInteger("glossa.bench.lines", 200_000);
        String host = System.getProperty("glossa.bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
        String db = "glossa_bench_import_" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("glossa-import-bench");
        Path file = dir.resolve("bench-extract.jsonl");
        long bytes = generate(file, lines);
        System.out.printf("%nGenerated %,d Wiktextract lines (%,.1f MB) from the real samples under 4 KB%n", lines,
                bytes / 1e6);
        try (Connection admin = DriverManager.getConnection(host + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + db);
        }
        try {
            run(host + db, dir, file, lines);
        } finally {
            try (Connection admin = DriverManager.getConnection(host + "postgres", "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + db + " with (force)");
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private void run(String url, Path dir, Path file, int lines) throws Exception {
        // Command-line arguments, so that they win over application.yaml (builder properties would not).
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GlossaApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=0", "--jobrunr.background-job-server.enabled=false",
                "--glossa.content.demo=false", "--glossa.dictionary.import-directory=" + dir,
                "--logging.level.root=warn")) {
            DictionaryImports imports = app.getBean(DictionaryImports.class);
            String db = url.substring(url.lastIndexOf('/') + 1);
            int again = Math.max(1, Integer.getInteger("glossa.bench.again", 6));
            int settling = Math.clamp(Integer.getInteger("glossa.bench.settling", 2), 0, again - 1);
            try (Connection connection = app.getBean(DataSource.class).getConnection()) {
                // First right after start, then the same file again into emptied tables, several times. A whole
                // extract is millions of lines, so what an editor gets is the rate once the JIT has compiled the
                // import's code: measured on this 2-core machine (100,000 lines), the JIT still compiled 0.7 to 2.2 s
                // during the first import again, 0.2 to 0.5 s during the second, 0.1 to 0.8 s after. So the steady
                // figure is the median of the imports after the first `settling` ones again; every import prints its
                // own figures, with the JIT's compilation time and the GC's during it.
                double cold = timedImport(imports, file, lines, db, connection, "Import job, cold:");
                List<Double> warm = new ArrayList<>();
                for (int i = 1; i <= again; i++) {
                    emptyTables(connection);
                    warm.add(timedImport(imports, file, lines, db, connection, "Import job, again " + i + ":"));
                }
                List<Double> steady = warm.subList(settling, warm.size()).stream().sorted().toList();
                double seconds = steady.size() % 2 == 1 ? steady.get(steady.size() / 2)
                        : (steady.get(steady.size() / 2 - 1) + steady.get(steady.size() / 2)) / 2;
                double copy = 0;
                for (String format : new String[] { "text", "binary" }) { // the import sends binary
                    double[] tables = copyCeiling(connection, db, format);
                    copy = tables[0] + tables[1] + tables[2];
                    System.out.printf("PostgreSQL COPY:   the same rows, %s, in %.1f s = %,.0f entries/s (entries %.1f s, "
                            + "source documents %.1f s, search terms %.1f s)%n", format, copy, lines / copy, tables[0],
                            tables[1], tables[2]);
                    if (tables[3] >= 0) {
                        System.out.printf("  CPU time of PostgreSQL during the COPY: %.1f s%n", tables[3]);
                    }
                }
                System.out.printf("Imports again, in order: %s entries/s%n", String.join(", ",
                        warm.stream().map(s -> String.format("%,.0f", lines / s)).toList()));
                System.out.printf("Import job, steady (median of imports again %d to %d): %,.0f entries/s = %.0f %% of "
                        + "binary COPY (the ceiling); cold: %.0f %%%n%n", settling + 1, again, lines / seconds,
                        100 * copy / seconds, 100 * copy / cold);
            }
        }
    }

    /** Runs one import job of the whole file into empty tables and prints its speed; returns its seconds. */
    private static double timedImport(DictionaryImports imports, Path file, int lines, String db, Connection connection,
            String label) throws Exception {
        DictionaryImports.Status queued = imports.fromServer(null, new DictionaryImports.Request("wiktextract",
                file.getFileName().toString(), null, null, null, null, 100));
        double jvmBefore = CpuTime.jvm();
        double pgBefore = CpuTime.postgres(db);
        long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long[] gcBefore = gc();
        long start = System.nanoTime();
        imports.run(queued.id());
        double seconds = (System.nanoTime() - start) / 1e9;
        double jvm = CpuTime.jvm() - jvmBefore;
        double pg = CpuTime.postgres(db) - pgBefore;
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;
        long[] gcAfter = gc();
        DictionaryImports.Status done = imports.status(queued.id()).orElseThrow();
        if (!done.state().equals("SUCCEEDED") || done.counts().inserted() != lines) {
            throw new AssertionError("the import did not insert every line: " + done);
        }
        long terms = count(connection, "dictionary_term");
        System.out.printf("%-21s%,d entries (%,d search terms) in %.1f s = %,.0f entries/s%n", label, lines, terms,
                seconds, lines / seconds);
        if (pg >= 0) {
            System.out.printf("  CPU time during the import: this JVM %.1f s, PostgreSQL (this database's server "
                    + "processes) %.1f s%n", jvm, pg);
        }
        System.out.printf("  JIT compilation during the import: %.1f s; GC: %d collections, %.2f s%n", jit / 1e3,
                gcAfter[0] - gcBefore[0], (gcAfter[1] - gcBefore[1]) / 1e3);
        return seconds;
    }

    private static void emptyTables(Connection connection) throws Exception {
        connection.setAutoCommit(true);
        connection.createStatement().execute("truncate dictionary_term, dictionary_entry_source, dictionary_item_link, "
                + "dictionary_entry");
    }

    /**
     * Copies the rows the import wrote out, empties the tables, and times COPY writing them back, table by table;
     * the fourth figure is PostgreSQL's CPU time for the three COPYs.
     */
    private static double[] copyCeiling(Connection connection, String db, String format) throws Exception {
        // The driver is a runtime dependency: its CopyManager is reached by reflection.
        Object driver = connection.unwrap(Class.forName("org.postgresql.PGConnection"));
        Object copy = driver.getClass().getMethod("getCopyAPI").invoke(driver);
        var copyOut = copy.getClass().getMethod("copyOut", String.class, java.io.OutputStream.class);
        var copyIn = copy.getClass().getMethod("copyIn", String.class, java.io.InputStream.class);
        List<String> tables = List.of("dictionary_entry", "dictionary_entry_source", "dictionary_term");
        List<byte[]> data = new ArrayList<>();
        for (String table : tables) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copyOut.invoke(copy, "copy " + table + " to stdout (format " + format + ")", out);
            data.add(out.toByteArray());
        }
        emptyTables(connection);
        connection.setAutoCommit(false);
        double[] seconds = new double[tables.size() + 1];
        double cpu = CpuTime.postgres(db);
        for (int i = 0; i < tables.size(); i++) {
            long start = System.nanoTime();
            copyIn.invoke(copy, "copy " + tables.get(i) + " from stdin (format " + format + ")",
                    new ByteArrayInputStream(data.get(i)));
            if (i == tables.size() - 1) {
                connection.commit(); // with the last table
            }
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        seconds[tables.size()] = cpu < 0 ? -1 : CpuTime.postgres(db) - cpu;
        return seconds;
    }

    /** Collections so far and their milliseconds, over every collector of this JVM. */
    private static long[] gc() {
        long[] countAndMillis = new long[2];
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            countAndMillis[0] += Math.max(0, collector.getCollectionCount());
            countAndMillis[1] += Math.max(0, collector.getCollectionTime());
        }
        return countAndMillis;
    }

    private static long count(Connection connection, String table) throws Exception {
        var rs = connection.createStatement().executeQuery("select count(*) from " + table);
        rs.next();
        return rs.getLong(1);
    }

    /** Real lines as templates, each copy with a word and forms of its own. */
    private static long generate(Path file, int lines) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<ObjectNode> templates = new ArrayList<>();
        for (String line : DictionarySamples.allWiktextract()) {
            if (line.getBytes(StandardCharsets.UTF_8).length < 4000) {
                templates.add((ObjectNode) json.readTree(line));
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < lines; i++) {
                ObjectNode entry = templates.get(i % templates.size()).deepCopy();
                String word = word(i);
                entry.put("word", word);
                entry.put("lang_code", "xx");
                JsonNode forms = entry.get("forms");
                if (forms instanceof ArrayNode array) {
                    int n = 0;
                    for (JsonNode form : array) {
                        if (form instanceof ObjectNode f && f.has("form")) {
                            f.put("form", word + "-" + (n++));
                        }
                    }
                }
                out.write(json.writeValueAsString(entry));
                out.write('\n');
            }
        }
        return Files.size(file);
    }

    private static String word(int i) {
        String[] syllables = { "ba", "be", "bi", "bo", "bu", "da", "de", "di", "do", "du", "fa", "fe", "fi", "fo", "fu",
                "ga", "ge", "gi", "go", "gu", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "mu" };
        StringBuilder word = new StringBuilder();
        int n = i;
        do {
            word.append(syllables[n % syllables.length]);
            n /= syllables.length;
        } while (n > 0);
        return word.toString();
    }
}
