package org.glossa.dictionary.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.glossa.dictionary.DictionarySamples;
import org.glossa.dictionary.EntryDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content hash that makes re-imports idempotent must not change when the way it is computed does: entries stored
 * before would all look changed on the next import.
 */
class ContentHashTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final EntryStore store = new EntryStore(null, null, json, null, null, null, null, null);

    @Test
    void theHashIsTheSha256OfSourceLicenseOwnJsonAndDocumentJoinedAsBefore() throws Exception {
        List<ImportRecord> records = readAll();
        // The entries with their documents as strings, as the reader gave them before it kept lines as bytes.
        List<EntryDocument> documents = new ArrayList<>(
                records.stream().map(r -> r.entry().withDocument(r.document())).toList());
        List<byte[]> utf8 = records.stream().map(ImportRecord::documentUtf8).toList();
        // The reader hands over each line's own bytes as the document (the entry's own document is left null): the
        // hash, the stored document and its string must be what they were with the document as a string.
        assertThat(utf8).doesNotContainNull();
        for (int i = 0; i < utf8.size(); i++) {
            EntryDocument doc = documents.get(i);
            assertThat(records.get(i).entry().document()).isNull();
            assertThat(utf8.get(i)).isEqualTo(doc.document().getBytes(StandardCharsets.UTF_8));
            EntryStore.Prepared given = store.prepare(records.get(i).entry(), "wiktextract", null, utf8.get(i));
            EntryStore.Prepared before = store.prepare(doc, "wiktextract", null);
            assertThat(given.documentUtf8()).isSameAs(utf8.get(i));
            assertThat(given.hash()).isEqualTo(before.hash());
            assertThat(given.doc()).isEqualTo(before.doc());
            assertThat(given.document()).isEqualTo(before.document()).isEqualTo(doc.document());
            assertThat(given.contentJson()).isEqualTo(before.contentJson());
        }
        assertThat(documents).hasSizeGreaterThan(10);
        documents.add(EntryDocument.of("es", "año 😀", "noun")); // no document: its own JSON is the document
        documents.add(EntryDocument.of("ja", "日本", "noun").withDocument("{\"word\":\"日本 😀\"}"));
        for (EntryDocument doc : documents) {
            for (String license : new String[] { null, "CC BY-SA 4.0" }) {
                EntryStore.Prepared prepared = store.prepare(doc, "wiktextract", license);
                String own = json.writeValueAsString(prepared.doc());
                String document = doc.document() == null ? own : doc.document();
                assertThat(prepared.hash()).isEqualTo(EntryStore.sha256("wiktextract" + '\u0000'
                        + (license == null ? "" : license) + '\u0000' + own + '\u0000' + document));
                assertThat(new String(prepared.documentUtf8(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(prepared.document()).isEqualTo(document);
            }
        }
    }

    @Test
    void theContentColumnsJsonMadeWithTheEntrysIsTheMappersOwn() {
        List<EntryDocument> documents = new ArrayList<>(
                readAll().stream().map(r -> r.entry().withDocument(r.document())).toList());
        EntryDocument.Note note = new EntryDocument.Note("usage", "en", "said of \"years\", not \\ of 😀");
        documents.add(EntryDocument.of("es", "año 😀", "noun").withNotes(List.of(note)));
        documents.add(EntryDocument.of("es", "a\"b", null));
        assertThat(new EntryJson(json).together()).isTrue();
        for (EntryDocument doc : documents) {
            EntryStore.Prepared prepared = store.prepare(doc, "wiktextract", null);
            EntryStore.Content content = Merged.merge(null, prepared.doc(), "wiktextract").content();
            assertThat(new String(prepared.contentJson(), StandardCharsets.UTF_8))
                    .isEqualTo(json.writeValueAsString(content));
        }
    }

    @Test
    void aMapperThatWritesEntriesOtherwiseGetsEachJsonWhole() {
        JsonMapper other = JsonMapper.builder().changeDefaultPropertyInclusion(
                i -> i.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)).build();
        EntryJson entryJson = new EntryJson(other);
        assertThat(entryJson.together()).isFalse();
        EntryStore otherStore = new EntryStore(null, null, other, null, null, null, null, null);
        EntryDocument doc = EntryDocument.of("es", "año", "noun");
        EntryStore.Prepared prepared = otherStore.prepare(doc, "wiktextract", null);
        assertThat(prepared.contentJson()).isNull();
        assertThat(prepared.hash()).isEqualTo(EntryStore.sha256("wiktextract\u0000\u0000"
                + other.writeValueAsString(prepared.doc()) + '\u0000' + other.writeValueAsString(prepared.doc())));
    }

    /** The entries of the real sample lines, as the import reads them. */
    private List<ImportRecord> readAll() {
        List<ImportRecord> records = new ArrayList<>();
        String lines = String.join("\n", DictionarySamples.allWiktextract());
        try (WiktextractReader reader = new WiktextractReader(
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), json,
                new ImportReader.Options(null, "en", 0))) {
            ImportRecord r;
            while ((r = reader.next()) != null) {
                if (r.entry() != null) {
                    records.add(r);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(records).hasSizeGreaterThan(10);
        return records;
    }
}
