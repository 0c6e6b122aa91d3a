package org.glossa.dictionary.bench;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
 * import wrote (the ceiling). Not a test: run on purpose (see benchmarks/dictionary-import/README.md).
 * Generates a JSONL file of {@code glossa.bench.lines} entries (default 200,000) from the real sample
 * lines under 4 KB (about 2.1 KB each), every entry with its own word and forms; creates a scratch
 * database, starts the server on it without its job runner, runs the import job and times it.
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
            DictionaryImports.Status queued = imports.fromServer(null, new DictionaryImports.Request("wiktextract",
                    file.getFileName().toString(), null, null, null, null, 100));
            long start = System.nanoTime();
            imports.run(queued.id());
            double seconds = (System.nanoTime() - start) / 1e9;
            DictionaryImports.Status done = imports.status(queued.id()).orElseThrow();
            if (!done.state().equals("SUCCEEDED") || done.counts().inserted() != lines) {
                throw new AssertionError("the import did not insert every line: " + done);
            }
            try (Connection connection = app.getBean(DataSource.class).getConnection()) {
                long terms = count(connection, "dictionary_term");
                System.out.printf("Import job:        %,d entries (%,d search terms) in %.1f s = %,.0f entries/s%n",
                        lines, terms, seconds, lines / seconds);
                double copy = copyCeiling(connection);
                System.out.printf("PostgreSQL COPY:   the same rows in %.1f s = %,.0f entries/s (the ceiling)%n", copy,
                        lines / copy);
                System.out.printf("Import / COPY:     %.0f %%%n%n", 100 * copy / seconds);
            }
        }
    }

    /** Copies the rows the import wrote out, empties the tables, and times COPY writing them back. */
    private static double copyCeiling(Connection connection) throws Exception {
        // The driver is a runtime dependency: its CopyManager is reached by reflection.
        Object driver = connection.unwrap(Class.forName("org.postgresql.PGConnection"));
        Object copy = driver.getClass().getMethod("getCopyAPI").invoke(driver);
        var copyOut = copy.getClass().getMethod("copyOut", String.class, java.io.OutputStream.class);
        var copyIn = copy.getClass().getMethod("copyIn", String.class, java.io.InputStream.class);
        List<String> tables = List.of("dictionary_entry", "dictionary_entry_source", "dictionary_term");
        List<byte[]> data = new ArrayList<>();
        for (String table : tables) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copyOut.invoke(copy, "copy " + table + " to stdout", out);
            data.add(out.toByteArray());
        }
        connection.setAutoCommit(true);
        connection.createStatement().execute("truncate dictionary_term, dictionary_entry_source, dictionary_item_link, "
                + "dictionary_entry");
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        for (int i = 0; i < tables.size(); i++) {
            copyIn.invoke(copy, "copy " + tables.get(i) + " from stdin", new ByteArrayInputStream(data.get(i)));
        }
        connection.commit();
        return (System.nanoTime() - start) / 1e9;
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
