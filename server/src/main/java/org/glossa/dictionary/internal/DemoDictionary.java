package org.glossa.dictionary.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.glossa.dictionary.EntryDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo dictionary: the Spanish words of the demo course with English glosses, forms and examples, written for
 * Glossa (CC BY-SA 4.0, like the demo course). Loaded where the demo course is (the embedded default, or
 * {@code glossa.dictionary.demo=true}) and only into a dictionary without Spanish entries, so that a newcomer's
 * search and lesson hints find words at once. Loading is an idempotent upsert; every node may do it.
 */
@Component
class DemoDictionary {

    static final String FILE = "demo-dictionary/es-en.csv";
    static final String SOURCE = "glossa-demo";
    static final String LICENSE = "CC BY-SA 4.0";

    private static final Logger log = LoggerFactory.getLogger(DemoDictionary.class);

    private final EntryStore entries;
    private final ItemLinks links;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final boolean demo;

    DemoDictionary(EntryStore entries, ItemLinks links, JdbcClient jdbc, JsonMapper json,
            @Value("${glossa.dictionary.demo:}") String demo, @Value("${glossa.mode}") String mode) {
        this.entries = entries;
        this.links = links;
        this.jdbc = jdbc;
        this.json = json;
        this.demo = demo.isBlank() ? "embedded".equals(mode) : Boolean.parseBoolean(demo);
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnStart() throws IOException {
        // Whether any Spanish entry exists, not how many: a million-entry dictionary must not slow the start-up.
        if (!demo || jdbc.sql("select 1 from dictionary_entry where language = 'es' limit 1").query(Integer.class)
                .optional().isPresent()) {
            return;
        }
        int loaded = load();
        // The demo course may have been linked before its words were here: link every course again.
        links.linkAll();
        log.info("Loaded the demo dictionary ({} Spanish entries)", loaded);
    }

    /** Reads the shipped file and upserts its entries; a bad line is a bug in the file, so it fails loudly. */
    int load() throws IOException {
        List<EntryDocument> documents = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(FILE).getInputStream(),
                StandardCharsets.UTF_8)); DelimitedReader reader = new DelimitedReader(in, ',', json,
                        new ImportReader.Options("es", "en", 0))) {
            for (ImportRecord record = reader.next(); record != null; record = reader.next()) {
                if (record.error() != null) {
                    throw new IllegalStateException(FILE + " line " + record.line() + ": " + record.error());
                }
                if (record.entry() != null) {
                    documents.add(record.entry());
                }
            }
        }
        entries.upsertAll(documents, SOURCE, LICENSE);
        return documents.size();
    }
}
