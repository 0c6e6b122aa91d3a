package org.glossa.dictionary.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glossa.GlossaIntegrationTest;
import org.glossa.dictionary.DictionaryEntries;
import org.glossa.dictionary.DictionarySamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An import that dies mid-file resumes after its last committed batch and counts nothing twice; one that
 * runs past its error budget fails with its committed batches whole. The jobs are run here, in small
 * batches, instead of by JobRunr.
 */
@GlossaIntegrationTest
class ImportResumeIntegrationTests {

    @Autowired
    DictionaryImports imports;
    @Autowired
    DictionaryEntries entries;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    UUID stored(List<String> lines, String language, int errorBudget) {
        return imports.store(null, new DictionaryImports.Request("wiktextract", null, language, null, null, null,
                errorBudget), "sample.jsonl", new ByteArrayInputStream(DictionarySamples.bytes(lines))).id();
    }

    @Test
    void aCrashedImportResumesAfterTheLastCommittedBatch() {
        Map<String, String> codes = new HashMap<>();
        List<String> lines = DictionarySamples.relabel(DictionarySamples.wiktextract("la"), 'r', codes);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(7);
        UUID id = stored(lines, null, 100);

        assertThatThrownBy(() -> imports.run(id, 3, 2)).isInstanceOf(DictionaryImports.SimulatedCrash.class);
        DictionaryImports.Status crashed = imports.status(id).orElseThrow();
        assertThat(crashed.state()).isEqualTo("RUNNING");
        assertThat(crashed.linesDone()).isEqualTo(6);
        assertThat(crashed.counts().inserted()).isEqualTo(6);
        assertThat(count(codes.get("la"))).isEqualTo(6);

        imports.run(id, 3, Integer.MAX_VALUE); // what JobRunr does when it retries the job on this or another node
        DictionaryImports.Status done = imports.status(id).orElseThrow();
        assertThat(done.state()).isEqualTo("SUCCEEDED");
        assertThat(done.linesDone()).isEqualTo(lines.size());
        // Lines before the crash were not read again: nothing counted as unchanged, every line inserted once.
        assertThat(done.counts().inserted()).isEqualTo(lines.size());
        assertThat(done.counts().unchanged()).isZero();
        assertThat(count(codes.get("la"))).isEqualTo(lines.size());
        // The uploaded file is gone with the import's end; running the finished job again changes nothing.
        assertThat(jdbc.sql("select count(*) from dictionary_import_chunk where import_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        imports.run(id, 3, Integer.MAX_VALUE);
        assertThat(imports.status(id).orElseThrow().counts()).isEqualTo(done.counts());
    }

    @Test
    void pastTheErrorBudgetTheCommittedBatchesStayWhole() {
        Map<String, String> codes = new HashMap<>();
        List<String> real = DictionarySamples.relabel(DictionarySamples.wiktextract("ja"), 's', codes);
        List<String> lines = new ArrayList<>();
        lines.add(real.get(0));
        lines.add(real.get(1));
        lines.add("not json");
        lines.add("{\"word\": 42}");
        lines.addAll(real.subList(2, real.size()));
        UUID id = stored(lines, null, 1);

        imports.run(id, 2, Integer.MAX_VALUE);
        DictionaryImports.Status failed = imports.status(id).orElseThrow();
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.badLines()).isEqualTo(2);
        assertThat(failed.errors()).extracting(DictionaryImports.BadLine::line).containsExactly(3L, 4L);
        assertThat(failed.linesDone()).isEqualTo(4);
        assertThat(failed.counts().inserted()).isEqualTo(2);
        assertThat(count(codes.get("ja"))).isEqualTo(2);
        assertThat(failed.message()).contains("error budget of 1");
    }

    @Test
    void aLanguageFilterSkipsTheOtherLanguages() {
        Map<String, String> codes = new HashMap<>();
        List<String> lines = DictionarySamples.relabel(DictionarySamples.allWiktextract(), 't', codes);
        UUID id = stored(lines, codes.get("de"), 100);
        imports.run(id, 50, Integer.MAX_VALUE);
        DictionaryImports.Status done = imports.status(id).orElseThrow();
        long german = DictionarySamples.wiktextract("de").size();
        assertThat(done.counts().inserted()).isEqualTo(german);
        assertThat(done.counts().skipped()).isEqualTo(lines.size() - german);
        assertThat(entries.search(codes.get("de"), "herzen", 5)).extracting(m -> m.lemma()).contains("Herz");
    }

    @Test
    void anEntryInTwoConsecutiveBatchesIsWrittenOnceWithTheLaterLine() {
        Map<String, String> codes = new HashMap<>();
        List<String> real = DictionarySamples.relabel(DictionarySamples.wiktextract("la"), 'u', codes);
        assertThat(real).hasSizeGreaterThanOrEqualTo(3);
        ObjectNode again = (ObjectNode) json.readTree(real.get(0));
        again.putArray("senses").addObject().putArray("glosses").add("the later meaning");
        // Batches of two: the first line's entry comes again as the first line of the second batch.
        List<String> lines = List.of(real.get(0), real.get(1), json.writeValueAsString(again), real.get(2));
        UUID id = stored(lines, null, 100);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch decided = new CountDownLatch(1);
        imports.events(new DictionaryImports.BatchEvents() {
            @Override
            public void writing(int batch) {
                seen.add("writing " + batch);
                if (batch == 2) {
                    decided.countDown();
                }
            }

            @Override
            public void written(int batch) {
                if (batch == 1) {
                    // Batch 1 stays open until the job either waits for its commit or hands out batch 2 beside it.
                    await(decided);
                }
                seen.add("written " + batch);
            }

            @Override
            public void waitingFor(int batch) {
                seen.add("waiting for " + batch);
                decided.countDown();
            }
        });
        try {
            imports.run(id, 2, Integer.MAX_VALUE);
        } finally {
            imports.events(null);
        }

        // The second batch's lookup ran after the first batch's commit, so it found the entry and updated it.
        assertThat(seen).containsSubsequence("waiting for 1", "written 1", "writing 2");
        DictionaryImports.Status done = imports.status(id).orElseThrow();
        assertThat(done.state()).isEqualTo("SUCCEEDED");
        assertThat(done.counts().inserted()).isEqualTo(3);
        assertThat(done.counts().updated()).isEqualTo(1);
        assertThat(count(codes.get("la"))).isEqualTo(3);
        String lemma = again.get("word").asString();
        assertThat(entries.lookup(codes.get("la"), lemma, 5)).singleElement().satisfies(e -> assertThat(e.senses())
                .flatExtracting(s -> s.glosses()).extracting(g -> g.text()).containsExactly("the later meaning"));
    }

    @Test
    void aBatchThatFailsRollsBackTheNextOneWrittenBesideIt() {
        Map<String, String> codes = new HashMap<>();
        List<String> lines = DictionarySamples.relabel(DictionarySamples.wiktextract("la"), 'v', codes);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(9);
        UUID id = stored(lines, null, 100);
        CountDownLatch fourthWritten = new CountDownLatch(1);
        imports.events(new DictionaryImports.BatchEvents() {
            @Override
            public void written(int batch) {
                if (batch == 4) {
                    fourthWritten.countDown();
                } else if (batch == 3) {
                    // The crash comes while batch 4's rows are already sent, in its own open transaction.
                    await(fourthWritten);
                    throw new DictionaryImports.SimulatedCrash();
                }
            }
        });
        try {
            assertThatThrownBy(() -> imports.run(id, 2, Integer.MAX_VALUE))
                    .isInstanceOf(DictionaryImports.SimulatedCrash.class);
        } finally {
            imports.events(null);
        }
        DictionaryImports.Status crashed = imports.status(id).orElseThrow();
        assertThat(crashed.state()).isEqualTo("RUNNING");
        assertThat(crashed.linesDone()).isEqualTo(4);
        assertThat(crashed.counts().inserted()).isEqualTo(4);
        assertThat(count(codes.get("la"))).isEqualTo(4); // nothing of batch 3 nor of batch 4

        imports.run(id, 2, Integer.MAX_VALUE);
        DictionaryImports.Status done = imports.status(id).orElseThrow();
        assertThat(done.state()).isEqualTo("SUCCEEDED");
        assertThat(done.linesDone()).isEqualTo(lines.size());
        assertThat(done.counts().inserted()).isEqualTo(lines.size());
        assertThat(done.counts().unchanged()).isZero();
        assertThat(count(codes.get("la"))).isEqualTo(lines.size());
    }

    @Test
    void theApplicationsMapperWritesAnEntrysJsonAndItsContentsTogether(@Autowired JsonMapper application) {
        assertThat(new EntryJson(application).together()).isTrue(); // else the import serializes the lists twice
    }

    /** Waits for another writer's step; a bound only so that a broken pipeline fails instead of hanging. */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the other batch never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    long count(String language) {
        return jdbc.sql("select count(*) from dictionary_entry where language = :l").param("l", language)
                .query(Long.class).single();
    }
}
