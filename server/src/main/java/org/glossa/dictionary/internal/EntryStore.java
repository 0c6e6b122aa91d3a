package org.glossa.dictionary.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.glossa.dictionary.DictionaryEntries;
import org.glossa.dictionary.DictionaryEntry;
import org.glossa.dictionary.EntryDocument;
import org.glossa.dictionary.EntrySummary;
import org.glossa.dictionary.ExternalDictionary;
import org.glossa.dictionary.SearchMatch;
import org.glossa.dictionary.UpsertOutcome;
import org.glossa.dictionary.WordMeanings;
import org.glossa.shared.runtime.Database;
import org.glossa.shared.validation.LanguageTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Stores entries (idempotently, merging sources field by field) and finds them. Writes go in JDBC
 * batches, which both databases take; the search reads only the folded-term index and the few entries
 * it returns.
 */
@Service
public class EntryStore implements DictionaryEntries {

    private static final Logger log = LoggerFactory.getLogger(EntryStore.class);

    static final int UNKNOWN_RANK = Integer.MAX_VALUE;
    private static final int MAX_EXACT = 200;
    static final int PREFIX_CANDIDATES = 5000;

    /** The merged fields of an entry that live in its {@code content} column. */
    record Content(List<EntryDocument.Form> forms, List<EntryDocument.Pronunciation> pronunciations,
            List<EntryDocument.Sense> senses, List<EntryDocument.Translation> translations,
            List<EntryDocument.Note> notes) {

        Content {
            forms = forms == null ? List.of() : forms;
            pronunciations = pronunciations == null ? List.of() : pronunciations;
            senses = senses == null ? List.of() : senses;
            translations = translations == null ? List.of() : translations;
            notes = notes == null ? List.of() : notes; // entries stored before notes existed
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final JsonColumns columns;
    private final EntryJson entryJson;
    private final Database database;
    private final TransactionTemplate transactions;
    private final ObjectProvider<ExternalDictionary> external;
    private final Clock clock;

    EntryStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, JsonColumns columns, Database database,
            PlatformTransactionManager transactionManager, ObjectProvider<ExternalDictionary> external, Clock clock) {
        this.jdbc = jdbc;
        this.database = database;
        this.template = template;
        this.json = json;
        this.entryJson = new EntryJson(json);
        this.columns = columns;
        this.transactions = new TransactionTemplate(transactionManager);
        this.external = external;
        this.clock = clock;
    }

    @Override
    public UpsertOutcome upsert(EntryDocument document, String source, String license) {
        return upsertAll(List.of(document), source, license).getFirst();
    }

    @Override
    public List<UpsertOutcome> upsertAll(List<EntryDocument> documents, String source, String license) {
        if (source == null || source.isBlank() || source.length() > 100) {
            throw new IllegalArgumentException("source must be 1 to 100 characters");
        }
        if (license != null && license.length() > 200) {
            throw new IllegalArgumentException("license must be at most 200 characters");
        }
        List<Prepared> prepared = documents.stream().map(d -> prepare(d, source, license)).toList();
        return transactions.execute(status -> write(prepared, source, license));
    }

    /** Checks a document and derives what is stored; throws IllegalArgumentException naming the fault. */
    Prepared prepare(EntryDocument doc, String source, String license) {
        return prepare(doc, source, license, null);
    }

    /**
     * The same, with the document's UTF-8 when the caller has it already: exactly {@code doc.document().getBytes(UTF_8)},
     * or the document itself when {@code doc} has none (an import's line that was never decoded); null to encode the
     * document here.
     */
    Prepared prepare(EntryDocument doc, String source, String license, byte[] documentUtf8) {
        String language = doc.language() == null ? null : normalizedLanguage(doc.language());
        if (language == null) {
            throw new IllegalArgumentException("language must be a language tag such as es");
        }
        String lemma = doc.lemma() == null ? "" : doc.lemma().strip();
        if (lemma.isEmpty() || lemma.length() > SearchKeys.MAX_LENGTH) {
            throw new IllegalArgumentException("lemma must be 1 to " + SearchKeys.MAX_LENGTH + " characters");
        }
        if (SearchKeys.fold(lemma).isEmpty()) {
            throw new IllegalArgumentException("lemma has no letters");
        }
        String pos = blankToNull(doc.partOfSpeech());
        if (pos != null && pos.length() > 40) {
            throw new IllegalArgumentException("partOfSpeech must be at most 40 characters");
        }
        String gender = blankToNull(doc.gender());
        if (gender != null && gender.length() > 40) {
            throw new IllegalArgumentException("gender must be at most 40 characters");
        }
        String homograph = blankToNull(doc.homograph());
        if (homograph != null && homograph.length() > 40) {
            throw new IllegalArgumentException("homograph must be at most 40 characters");
        }
        String cefr = blankToNull(doc.cefr());
        if (cefr != null && !cefr.matches("[ABC][12]")) {
            throw new IllegalArgumentException("cefr must be one of A1, A2, B1, B2, C1, C2");
        }
        if (doc.frequencyRank() != null && doc.frequencyRank() < 1) {
            throw new IllegalArgumentException("frequencyRank must be 1 or more");
        }
        for (EntryDocument.Note note : doc.notes()) {
            if (note == null || !("usage".equals(note.kind()) || "mnemonic".equals(note.kind()))) {
                throw new IllegalArgumentException("notes[].kind must be usage or mnemonic");
            }
            if (note.text() == null || note.text().isBlank() || note.text().length() > 1000) {
                throw new IllegalArgumentException("notes[].text must be 1 to 1000 characters");
            }
        }
        EntryDocument clean = new EntryDocument(language, lemma, pos, homograph, gender, doc.forms(),
                doc.pronunciations(), doc.senses(), doc.translations(), doc.frequencyRank(), cefr, null, doc.notes());
        String key = lemma + '\u001f' + (pos == null ? "" : pos) + '\u001f' + (homograph == null ? "" : homograph);
        if (key.length() > 400) {
            throw new IllegalArgumentException("lemma and partOfSpeech are too long together");
        }
        // The hash of source, license, Glossa's own JSON of the entry and the source document, each in UTF-8 and
        // separated by a zero byte. Fed to the digest part by part: the entry's JSON goes straight from Jackson to
        // the digest, and the document's UTF-8 is kept for COPY (no 4 KB string made, encoded and dropped per line).
        MessageDigest digest = sha256();
        digest.update((source + '\u0000' + (license == null ? "" : license) + '\u0000').getBytes(StandardCharsets.UTF_8));
        // The entry's JSON and its content column's are made together (the lists they share, once).
        EntryJson.Both own = entryJson.write(clean);
        digest.update(own.entry());
        String document = doc.document();
        byte[] utf8;
        if (documentUtf8 != null) {
            utf8 = documentUtf8; // the document's, or the document (decoded only if a string is asked for: H2)
        } else if (document != null) {
            utf8 = document.getBytes(StandardCharsets.UTF_8);
        } else {
            utf8 = own.entry(); // no document: the entry's own JSON is kept as its document
        }
        digest.update((byte) 0);
        digest.update(utf8);
        return new Prepared(clean, key, HexFormat.of().formatHex(digest.digest()), document, utf8, own.content());
    }

    /** A language tag as given and in its canonical case (null: not a tag). */
    private record Language(String given, String normalized) {
    }

    /** The language last normalized: an import gives the same one line after line. */
    private volatile Language lastLanguage = new Language("", null);

    /** {@link LanguageTag.Validator#normalize}, which builds a Locale each time, remembered for the last language. */
    private String normalizedLanguage(String given) {
        Language last = lastLanguage;
        if (!last.given().equals(given)) {
            last = new Language(given, LanguageTag.Validator.normalize(given));
            lastLanguage = last;
        }
        return last.normalized();
    }

    /**
     * A checked entry: its document in UTF-8 (for COPY) and, when it was given as a string, that string; and the JSON
     * of its content column while it is the entry's own (null where it was not made with it).
     */
    record Prepared(EntryDocument doc, String key, String hash, String documentText, byte[] documentUtf8,
            byte[] contentJson) {

        /** The source document as a string (JDBC batches, H2): the one given, or its UTF-8 decoded. */
        String document() {
            return documentText != null ? documentText : new String(documentUtf8, StandardCharsets.UTF_8);
        }

        /** What tells the entry apart from every other one: its language and key (unique together). */
        String identity() {
            return doc.language() + '\u001e' + key;
        }
    }

    /** The state of one entry while a batch is written. */
    private static final class Row {
        UUID id;
        boolean inDatabase;
        boolean insert;
        boolean dirty;
        String hash;
        boolean hasOtherSources;
        Prepared prepared;
        Merged merged;
        String firstSource;
        String firstLicense;
    }

    List<UpsertOutcome> write(List<Prepared> batch, String source, String license) {
        Map<String, Row> rows = existing(batch, source);
        List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
        for (Prepared p : batch) {
            Row row = rows.get(p.identity());
            if (row == null) {
                row = new Row();
                row.id = timeOrderedId(clock.millis());
                row.insert = true;
                row.firstSource = source;
                row.firstLicense = license;
                rows.put(p.identity(), row);
                apply(row, p, source);
                outcomes.add(new UpsertOutcome(row.id, UpsertOutcome.Kind.INSERTED));
            } else if (p.hash().equals(row.hash)) {
                outcomes.add(new UpsertOutcome(row.id, UpsertOutcome.Kind.UNCHANGED));
            } else {
                if (row.inDatabase && row.merged == null && row.hasOtherSources) {
                    row.merged = load(row.id);
                }
                apply(row, p, source);
                outcomes.add(new UpsertOutcome(row.id, UpsertOutcome.Kind.UPDATED));
            }
        }
        flush(rows.values().stream().filter(r -> r.dirty).toList(), source, license);
        return outcomes;
    }

    private void apply(Row row, Prepared p, String source) {
        row.merged = Merged.merge(row.merged, p.doc(), source);
        row.prepared = p;
        row.hash = p.hash();
        row.dirty = true;
    }

    /** The stored entries of the batch's keys, with this source's hash and how many other sources they have. */
    private Map<String, Row> existing(List<Prepared> batch, String source) {
        Map<String, Set<String>> keysByLanguage = new LinkedHashMap<>();
        batch.forEach(p -> keysByLanguage.computeIfAbsent(p.doc().language(), l -> new LinkedHashSet<>()).add(p.key()));
        Map<String, Row> rows = new HashMap<>();
        keysByLanguage.forEach((language, keys) -> {
            RowCallbackHandler found = rs -> {
                Row row = new Row();
                row.id = rs.getObject(1, UUID.class);
                row.inDatabase = true;
                row.hash = rs.getString(3);
                row.hasOtherSources = rs.getBoolean(4);
                rows.put(language + '\u001e' + rs.getString(2), row);
            };
            if (!database.postgres()) {
                jdbc.sql("""
                        select e.id, e.entry_key, s.content_hash,
                            exists (select 1 from dictionary_entry_source o where o.entry_id = e.id and o.source <> :source)
                        from dictionary_entry e
                        left join dictionary_entry_source s on s.entry_id = e.id and s.source = :source
                        where e.language = :language and e.entry_key in (:keys)
                        """).param("source", source).param("language", language).param("keys", keys).query(found);
                return;
            }
            // One index probe per key, whatever the statistics say. With "entry_key in (...)" and no statistics yet
            // (a first import, or autovacuum off) PostgreSQL used the index for the language alone and filtered
            // every entry of the language, for every batch: the import slowed down as the table grew. The lateral
            // subquery (limit 1: the key is unique) cannot become a hash join over the whole table either. And
            // exists rather than count(*): the estimated cost of 500 counts passed jit_above_cost, and compiling
            // the plan took 60 ms a batch.
            template.query("""
                    select e.id, k.key, s.content_hash,
                        exists (select 1 from dictionary_entry_source o where o.entry_id = e.id and o.source <> ?)
                    from unnest(?) k(key)
                    cross join lateral (
                        select id from dictionary_entry where language = ? and entry_key = k.key limit 1) e
                    left join dictionary_entry_source s on s.entry_id = e.id and s.source = ?
                    """, ps -> {
                        ps.setString(1, source);
                        ps.setArray(2, ps.getConnection().createArrayOf("varchar", keys.toArray()));
                        ps.setString(3, language);
                        ps.setString(4, source);
                    }, found);
        });
        return rows;
    }

    private Merged load(UUID id) {
        return jdbc.sql("""
                select gender, frequency_rank, cefr, content, field_sources from dictionary_entry where id = :id
                """).param("id", id).query((rs, n) -> {
                    Content content = json.readValue(rs.getString(4), Content.class);
                    @SuppressWarnings("unchecked")
                    Map<String, String> sources = json.readValue(rs.getString(5), TreeMap.class);
                    return new Merged(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), content, sources);
                }).single();
    }

    private void flush(List<Row> rows, String source, String license) {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = utc(clock.instant());
        List<Row> inserts = rows.stream().filter(r -> r.insert).toList();
        List<Row> updates = rows.stream().filter(r -> !r.insert).toList();
        if (!updates.isEmpty()) {
            template.batchUpdate("""
                    update dictionary_entry set id = ?, language = ?, entry_key = ?, lemma = ?, part_of_speech = ?,
                        gender = ?, frequency_rank = ?, cefr = ?, summary = ?, content = %s, field_sources = %s,
                        updated_at = ?
                    where id = ?
                    """.formatted(columns.json("?"), columns.json("?")), updates, 500, (ps, r) -> {
                        entryColumns(ps, r);
                        ps.setObject(12, now);
                        ps.setObject(13, r.id);
                    });
            template.batchUpdate("delete from dictionary_entry_source where entry_id = ? and source = ?", updates, 500,
                    (ps, r) -> {
                        ps.setObject(1, r.id);
                        ps.setString(2, source);
                    });
            template.batchUpdate("delete from dictionary_term where entry_id = ?", updates, 500,
                    (ps, r) -> ps.setObject(1, r.id));
        }
        if (database.postgres()) {
            copy(inserts, rows, source, license, now);
        } else {
            insert(inserts, rows, source, license, now);
        }
        rows.forEach(r -> {
            r.insert = false;
            r.inDatabase = true;
            r.dirty = false;
        });
    }

    /** New entries, every source document of the batch and their search terms, in JDBC batches (H2). */
    private void insert(List<Row> inserts, List<Row> rows, String source, String license, OffsetDateTime now) {
        if (!inserts.isEmpty()) {
            template.batchUpdate("""
                    insert into dictionary_entry (id, language, entry_key, lemma, part_of_speech, gender, frequency_rank,
                        cefr, summary, content, field_sources, source, license, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, %s, %s, ?, ?, ?, ?)
                    """.formatted(columns.json("?"), columns.json("?")), inserts, 500, (ps, r) -> {
                        entryColumns(ps, r);
                        ps.setString(12, r.firstSource);
                        ps.setString(13, r.firstLicense);
                        ps.setObject(14, now);
                        ps.setObject(15, now);
                    });
        }
        template.batchUpdate("""
                insert into dictionary_entry_source (entry_id, source, license, document, content_hash, updated_at)
                values (?, ?, ?, %s, ?, ?)
                """.formatted(columns.json("?")), rows, 500, (ps, r) -> {
                    ps.setObject(1, r.id);
                    ps.setString(2, source);
                    ps.setString(3, license);
                    ps.setString(4, r.prepared.document());
                    ps.setString(5, r.hash);
                    ps.setObject(6, now);
                });
        List<Term> terms = new ArrayList<>();
        rows.forEach(r -> terms.addAll(terms(r.id, r.prepared.doc().language(), r.prepared.doc().lemma(), r.merged)));
        template.batchUpdate("""
                insert into dictionary_term (entry_id, language, folded, kind, form, rank) values (?, ?, ?, ?, ?, ?)
                """, terms, 1000, (ps, t) -> {
                    ps.setObject(1, t.entryId());
                    ps.setString(2, t.language());
                    ps.setString(3, t.folded());
                    ps.setShort(4, (short) t.kind());
                    ps.setString(5, t.form());
                    ps.setInt(6, t.rank());
                });
    }

    /** The same rows as {@link #insert}, with COPY (PostgreSQL), each table's rows streamed while they are made. */
    private void copy(List<Row> inserts, List<Row> rows, String source, String license, OffsetDateTime now) {
        template.execute((ConnectionCallback<Void>) connection -> {
            if (!inserts.isEmpty()) {
                FieldSourcesJson fieldSources = new FieldSourcesJson();
                try (CopyRows entries = new CopyRows(connection, """
                        dictionary_entry (id, language, entry_key, lemma, part_of_speech, gender, frequency_rank, cefr,
                            summary, content, field_sources, source, license, created_at, updated_at)""", 15)) {
                    for (Row r : inserts) {
                        EntryDocument doc = r.prepared.doc();
                        Merged m = r.merged;
                        entries.uuid(r.id).text(doc.language()).text(r.prepared.key()).text(doc.lemma())
                                .text(doc.partOfSpeech()).text(m.gender()).integer(m.frequencyRank()).text(m.cefr())
                                .text(summary(m.content().senses())).utf8(contentJson(r))
                                .utf8(fieldSources.of(m.fieldSources())).text(r.firstSource)
                                .text(r.firstLicense).timestamp(now).timestamp(now).endRow();
                    }
                    entries.end();
                }
            }
            try (CopyRows documents = new CopyRows(connection,
                    "dictionary_entry_source (entry_id, source, license, document, content_hash, updated_at)", 6)) {
                for (Row r : rows) {
                    documents.uuid(r.id).text(source).text(license).utf8(r.prepared.documentUtf8()).text(r.hash)
                            .timestamp(now).endRow();
                }
                documents.end();
            }
            try (CopyRows terms = new CopyRows(connection,
                    "dictionary_term (entry_id, language, folded, kind, form, rank)", 6)) {
                for (Row r : rows) {
                    for (Term t : terms(r.id, r.prepared.doc().language(), r.prepared.doc().lemma(), r.merged)) {
                        terms.uuid(t.entryId()).text(t.language()).text(t.folded()).smallint(t.kind()).text(t.form())
                                .integer(t.rank()).endRow();
                    }
                }
                terms.end();
            }
            return null;
        });
    }

    /**
     * The field sources' JSON in UTF-8, made again only when they differ from the entry's before: the new entries of
     * a batch mostly have the same ones (every field from this source). They are sorted maps (Merged), so equal maps
     * give the same JSON.
     */
    private final class FieldSourcesJson {
        private Map<String, String> last;
        private byte[] lastJson;

        byte[] of(Map<String, String> fieldSources) {
            if (!fieldSources.equals(last)) {
                lastJson = json.writeValueAsString(fieldSources).getBytes(StandardCharsets.UTF_8);
                last = fieldSources;
            }
            return lastJson;
        }
    }

    /** The content column's JSON: made with the entry's own JSON when the entry has only this document's fields. */
    private byte[] contentJson(Row r) {
        Content c = r.merged.content();
        EntryDocument d = r.prepared.doc();
        if (r.prepared.contentJson() != null && same(c.forms(), d.forms()) && same(c.pronunciations(), d.pronunciations())
                && same(c.senses(), d.senses()) && same(c.translations(), d.translations())
                && same(c.notes(), d.notes())) {
            return r.prepared.contentJson();
        }
        return json.writeValueAsBytes(c);
    }

    private static boolean same(List<?> merged, List<?> given) {
        return merged == given || merged.isEmpty() && given.isEmpty();
    }

    private void entryColumns(PreparedStatement ps, Row r) throws SQLException {
        EntryDocument doc = r.prepared.doc();
        Merged m = r.merged;
        ps.setObject(1, r.id);
        ps.setString(2, doc.language());
        ps.setString(3, r.prepared.key());
        ps.setString(4, doc.lemma());
        ps.setString(5, doc.partOfSpeech());
        ps.setString(6, m.gender());
        if (m.frequencyRank() == null) {
            ps.setNull(7, Types.INTEGER);
        } else {
            ps.setInt(7, m.frequencyRank());
        }
        ps.setString(8, m.cefr());
        ps.setString(9, summary(m.content().senses()));
        ps.setString(10, json.writeValueAsString(m.content()));
        ps.setString(11, json.writeValueAsString(m.fieldSources()));
    }

    record Term(UUID entryId, String language, String folded, int kind, String form, int rank) {
    }

    /** The lemma and each distinct inflected form, folded. */
    static List<Term> terms(UUID id, String language, String lemma, Merged merged) {
        int rank = merged.frequencyRank() == null ? UNKNOWN_RANK : merged.frequencyRank();
        List<Term> terms = new ArrayList<>();
        String folded = SearchKeys.fold(lemma);
        terms.add(new Term(id, language, folded, 0, lemma, rank));
        Set<String> seen = new java.util.HashSet<>();
        seen.add(folded);
        for (EntryDocument.Form form : merged.content().forms()) {
            String text = form.form() == null ? "" : form.form().strip();
            String key = SearchKeys.fold(text);
            if (!key.isEmpty() && key.length() <= SearchKeys.MAX_LENGTH && seen.add(key)) {
                terms.add(new Term(id, language, key, 1, text, rank));
            }
        }
        return terms;
    }

    /**
     * A version 7 UUID (RFC 9562): the time in milliseconds, then 74 random bits. Entries made one after the other
     * get neighbouring ids, so that each index on an entry id (the entries' own, the source documents') grows at its
     * end instead of at a random page: COPY of 100,000 entries writes less and faster.
     */
    static UUID timeOrderedId(long millis) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The first three distinct non-blank glosses, joined (at most 500 characters). */
    static String summary(List<EntryDocument.Sense> senses) {
        // A loop rather than a stream (flatMap, distinct, limit): made for every entry imported, and the stream was
        // most of a tenth of the writing threads' time.
        List<String> first = new ArrayList<>(3);
        for (EntryDocument.Sense sense : senses) {
            for (EntryDocument.Gloss gloss : sense.glosses()) {
                String text = gloss.text();
                if (first.size() < 3 && text != null && !text.isBlank() && !first.contains(text)) {
                    first.add(text);
                }
            }
        }
        String joined = String.join("; ", first);
        return joined.length() <= 500 ? joined : joined.substring(0, 497) + "...";
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Override
    public Optional<DictionaryEntry> find(UUID id) {
        List<DictionaryEntry.Source> sources = jdbc.sql("""
                select source, license from dictionary_entry_source where entry_id = :id order by updated_at, source
                """).param("id", id).query((rs, n) -> new DictionaryEntry.Source(rs.getString(1), rs.getString(2))).list();
        return jdbc.sql("""
                select id, language, lemma, part_of_speech, gender, frequency_rank, cefr, content, field_sources, updated_at
                from dictionary_entry where id = :id
                """).param("id", id).query((rs, n) -> {
                    Content content = json.readValue(rs.getString(8), Content.class);
                    @SuppressWarnings("unchecked")
                    Map<String, String> fieldSources = json.readValue(rs.getString(9), TreeMap.class);
                    return new DictionaryEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5),
                            content.forms(), content.pronunciations(), content.senses(), content.translations(),
                            (Integer) rs.getObject(6), rs.getString(7), content.notes(), fieldSources,
                            sources, rs.getObject(10, OffsetDateTime.class).toInstant());
                }).optional();
    }

    @Override
    public List<EntrySummary> browse(String language, int page, int size) {
        if (page < 0 || size < 1 || (long) (page + 1) * size > MAX_BROWSE) {
            throw new IllegalArgumentException("page and size reach past the first " + MAX_BROWSE + " entries");
        }
        return jdbc.sql("""
                select id, lemma, part_of_speech, frequency_rank, cefr, summary from dictionary_entry
                where language = :language order by frequency_rank, lemma, id limit :size offset :offset
                """).param("language", language).param("size", size).param("offset", page * size)
                .query((rs, n) -> new EntrySummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6))).list();
    }

    @Override
    public List<DictionaryEntry> lookup(String language, String word, int limit) {
        String key = SearchKeys.fold(word);
        if (key.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select entry_id from dictionary_term where language = :language and folded = :key
                order by kind, rank limit :limit
                """).param("language", language).param("key", key).param("limit", limit).query(UUID.class).list()
                .stream().distinct().map(this::find).flatMap(Optional::stream).toList();
    }

    @Override
    public List<WordMeanings> meanings(String language, String text, int perWord) {
        return SearchKeys.words(text).stream().map(word -> new WordMeanings(word, lookup(language, word, perWord)))
                .toList();
    }

    @Override
    public List<org.glossa.dictionary.ItemWord> itemWords(UUID itemId) {
        return jdbc.sql("""
                select l.word, e.id, e.lemma, e.part_of_speech, e.summary from dictionary_item_link l
                join dictionary_entry e on e.id = l.entry_id
                where l.item_id = :item order by l.word, e.frequency_rank, e.lemma
                """).param("item", itemId).query((rs, n) -> new org.glossa.dictionary.ItemWord(rs.getString(1),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    @Override
    public String fold(String text) {
        return SearchKeys.fold(text);
    }

    @Override
    public List<SearchMatch> search(String language, String query, int limit) {
        String key = SearchKeys.fold(query);
        if (key.isEmpty()) {
            return List.of();
        }
        List<SearchMatch> found = searchLocal(language, key, limit);
        ExternalDictionary outside = external.getIfAvailable();
        if (found.isEmpty() && outside != null && outside.supports(language)) {
            List<EntryDocument> documents;
            try {
                documents = outside.lookup(language, query.strip());
            } catch (RuntimeException e) {
                log.warn("The outside dictionary {} failed on a lookup; answering without it", outside.source(), e);
                documents = List.of();
            }
            // Tags compared as stored (normalized): "en-us" from the outside answers a search in "en-US".
            String wanted = LanguageTag.Validator.normalize(language);
            List<EntryDocument> usable = documents.stream()
                    .filter(d -> d.language() != null && wanted != null
                            && wanted.equals(LanguageTag.Validator.normalize(d.language())))
                    .toList();
            if (!usable.isEmpty()) {
                upsertAll(usable, outside.source(), outside.license());
                found = searchLocal(language, key, limit);
            }
        }
        return found;
    }

    private record Hit(UUID entryId, int kind, String form, int rank) {
    }

    List<SearchMatch> searchLocal(String language, String key, int limit) {
        Map<UUID, SearchMatch.Match> best = new LinkedHashMap<>();
        Map<UUID, String> matched = new HashMap<>();
        jdbc.sql("""
                select entry_id, kind, form, rank from dictionary_term where language = :language and folded = :key
                limit :max
                """).param("language", language).param("key", key).param("max", MAX_EXACT)
                .query((rs, n) -> new Hit(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getInt(4)))
                .list().forEach(h -> keep(best, matched, h, h.kind() == 0 ? SearchMatch.Match.EXACT_LEMMA
                        : SearchMatch.Match.EXACT_FORM));
        if (best.size() < limit) {
            String pattern = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            // At most PREFIX_CANDIDATES forms are read from the folded index's range, then ranked: the cost stays
            // bounded for one- or two-letter prefixes (which then rank the first candidates in index order).
            jdbc.sql("""
                    select entry_id, kind, form, rank from (
                        select entry_id, kind, form, rank, folded from dictionary_term
                        where language = :language and folded like :pattern escape '\\' and folded <> :key
                        limit :candidates) candidates
                    order by rank, folded limit :max
                    """).param("language", language).param("pattern", pattern).param("key", key)
                    .param("candidates", PREFIX_CANDIDATES).param("max", Math.min(400, limit * 8))
                    .query((rs, n) -> new Hit(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getInt(4)))
                    .list().forEach(h -> keep(best, matched, h, h.kind() == 0 ? SearchMatch.Match.PREFIX_LEMMA
                            : SearchMatch.Match.PREFIX_FORM));
        }
        if (best.isEmpty()) {
            return List.of();
        }
        record EntryRow(UUID id, String lemma, String pos, Integer rank, String summary) {
        }
        List<EntryRow> entries = jdbc.sql("""
                select id, lemma, part_of_speech, frequency_rank, summary from dictionary_entry where id in (:ids)
                """).param("ids", best.keySet()).query((rs, n) -> new EntryRow(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), (Integer) rs.getObject(4), rs.getString(5))).list();
        return entries.stream()
                .map(e -> new SearchMatch(e.id(), e.lemma(), e.pos(), matched.get(e.id()), best.get(e.id()), e.rank(),
                        e.summary()))
                .sorted(Comparator.comparing(SearchMatch::match)
                        .thenComparing(m -> m.frequencyRank() == null ? UNKNOWN_RANK : m.frequencyRank())
                        .thenComparing(m -> m.lemma().length()).thenComparing(SearchMatch::lemma))
                .limit(limit).toList();
    }

    private static void keep(Map<UUID, SearchMatch.Match> best, Map<UUID, String> matched, Hit hit,
            SearchMatch.Match match) {
        SearchMatch.Match before = best.get(hit.entryId());
        if (before == null || match.compareTo(before) < 0) {
            best.put(hit.entryId(), match);
            matched.put(hit.entryId(), hit.form());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
