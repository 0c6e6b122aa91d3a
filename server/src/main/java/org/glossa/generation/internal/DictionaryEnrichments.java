package org.glossa.generation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.content.Courses;
import org.glossa.dictionary.DictionaryEntries;
import org.glossa.dictionary.DictionaryEntry;
import org.glossa.dictionary.EntryDocument;
import org.glossa.dictionary.EntrySummary;
import org.glossa.dictionary.UpsertOutcome;
import org.glossa.shared.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approved enrichments enter the dictionary through its API as a source of their own: the example
 * sentences join the entry's first meaning (its other meanings and glosses are kept), the CEFR
 * estimate becomes the entry's level, the usage notes and the mnemonic become the entry's notes, and the whole
 * enrichment is kept as that source's document, naming the generator.
 */
@Component
class DictionaryEnrichments implements Suggestions.SuggestionTarget {

    static final String SOURCE = "glossa-generation";

    private final DictionaryEntries dictionary;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final Courses courses;

    DictionaryEnrichments(DictionaryEntries dictionary, JsonMapper json, JdbcClient jdbc, Courses courses) {
        this.dictionary = dictionary;
        this.json = json;
        this.jdbc = jdbc;
        this.courses = courses;
    }

    /** An entry to enrich and what the generator is told about it. */
    record Target(UUID entryId, Tasks.EnrichInput input) {
    }

    /**
     * The entries to enrich: those the course's items are linked to, or those the words name, or (neither given)
     * the language's most frequent entries without an enrichment suggestion yet; each once, at most {@code limit}.
     * Example phrases come from the course when there is one.
     */
    List<Target> targets(String language, List<String> words, List<org.glossa.content.ItemView> courseItems,
            String glossLanguage, int limit) {
        Map<UUID, DictionaryEntry> entries = new LinkedHashMap<>();
        for (org.glossa.content.ItemView item : courseItems) {
            for (var word : dictionary.itemWords(item.id())) {
                if (entries.size() < limit && !entries.containsKey(word.entryId())) {
                    dictionary.find(word.entryId()).ifPresent(e -> entries.put(e.id(), e));
                }
            }
        }
        for (String word : words) {
            for (DictionaryEntry entry : dictionary.lookup(language, word.strip(), 1)) {
                if (entries.size() < limit) {
                    entries.putIfAbsent(entry.id(), entry);
                }
            }
        }
        if (courseItems.isEmpty() && words.isEmpty()) {
            // The language's entries, most frequent first, that no enrichment was suggested for yet: each run takes
            // the next ones.
            int size = 200;
            for (int page = 0; entries.size() < limit && (long) (page + 1) * size <= DictionaryEntries.MAX_BROWSE; page++) {
                List<EntrySummary> batch = dictionary.browse(language, page, size);
                java.util.Set<String> suggested = batch.isEmpty() ? java.util.Set.of()
                        : new java.util.HashSet<>(jdbc.sql("""
                                select target from generation_suggestion where kind = 'ENRICHMENT' and target in (:ids)
                                """).param("ids", batch.stream().map(b -> b.id().toString()).toList())
                                .query(String.class).list());
                for (EntrySummary summary : batch) {
                    if (entries.size() < limit && !suggested.contains(summary.id().toString())) {
                        dictionary.find(summary.id()).ifPresent(e -> entries.put(e.id(), e));
                    }
                }
                if (batch.size() < size) {
                    break;
                }
            }
        }
        List<Tasks.CourseWord> phrases = courseItems.stream().map(GenerationJobs::word).filter(Tasks.CourseWord::phrase)
                .toList();
        return entries.values().stream().map(e -> new Target(e.id(), new Tasks.EnrichInput(e.language(), e.lemma(),
                e.partOfSpeech(), e.glosses(4), glossLanguage, e.frequencyRank(), e.cefr(), phrases))).toList();
    }

    @Override
    public String approveEnrichment(Suggestions.View suggestion, JsonNode content) {
        DictionaryEntry entry = dictionary.find(UUID.fromString(suggestion.target()))
                .orElseThrow(() -> ApiProblem.notFound("The dictionary entry"));
        List<EntryDocument.Example> examples = new ArrayList<>();
        content.get("examples").forEach(e -> examples.add(new EntryDocument.Example(e.get("text").asString(),
                e.get("translation").asString())));
        List<EntryDocument.Sense> senses = new ArrayList<>(entry.senses());
        if (senses.isEmpty()) {
            senses.add(new EntryDocument.Sense(List.of(), examples, List.of()));
        } else {
            EntryDocument.Sense first = senses.getFirst();
            List<EntryDocument.Example> joined = new ArrayList<>(first.examples());
            examples.stream().filter(e -> !joined.contains(e)).forEach(joined::add);
            senses.set(0, new EntryDocument.Sense(first.glosses(), joined, first.tags()));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("generator", suggestion.generator());
        document.put("suggestion", suggestion.id().toString());
        document.put("examples", json.treeToValue(content.get("examples"), Object.class));
        document.put("mnemonic", content.get("mnemonic").asString());
        document.put("usageNotes", content.get("usageNotes").asString());
        document.put("cefr", content.get("cefr").asString());
        // The notes are written in the learners' language: the course's, else English (what the generator is asked for).
        String notesLanguage = suggestion.courseId() == null ? "en" : courses.outline(suggestion.courseId())
                .map(o -> o.course().sourceLanguage()).orElse("en");
        List<EntryDocument.Note> notes = new ArrayList<>();
        for (String[] note : new String[][] { { "usage", "usageNotes" }, { "mnemonic", "mnemonic" } }) {
            JsonNode text = content.get(note[1]);
            if (text != null && !text.isNull() && !text.asString().isBlank()) {
                notes.add(new EntryDocument.Note(note[0], notesLanguage, text.asString().strip()));
            }
        }
        EntryDocument enriched = new EntryDocument(entry.language(), entry.lemma(), entry.partOfSpeech(), null,
                entry.gender(), List.of(), List.of(), senses, List.of(), null, content.get("cefr").asString(),
                json.writeValueAsString(document), notes);
        UpsertOutcome outcome = dictionary.upsert(enriched, SOURCE, "Generated by " + suggestion.generator()
                + ", reviewed by a Glossa editor");
        if (!outcome.entryId().equals(entry.id())) {
            // The entry has a homograph number the dictionary's API does not show: the upsert made another entry.
            // Throwing rolls the approval back, that entry included.
            throw ApiProblem.conflict("This entry is one of several homographs; enrich it in the dictionary by hand.");
        }
        return entry.id().toString();
    }
}
