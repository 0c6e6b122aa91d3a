package org.glossa.dictionary.external;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.glossa.dictionary.EntryDocument;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a Free Dictionary API answer into dictionary entries: one per element of the answer and part of speech
 * (several elements are homographs, numbered 1, 2, ...), with its pronunciations (IPA and recordings) and senses
 * (definitions with their examples), each keeping its element of the answer, whole, as its document. Reads the
 * current v2 shape ({@code meanings: [{partOfSpeech, definitions}]}), the older v1 shape
 * ({@code meaning: {pos: [definitions]}}) and answers without licenses; what it cannot read it skips. Synonyms,
 * antonyms, licenses of recordings and source URLs stay in the document.
 */
final class FreeDictionaryEntries {

    private static final Map<String, String> PARTS_OF_SPEECH = Map.ofEntries(Map.entry("exclamation", "intj"),
            Map.entry("interjection", "intj"), Map.entry("adjective", "adj"), Map.entry("adverb", "adv"),
            Map.entry("pronoun", "pron"), Map.entry("preposition", "prep"), Map.entry("conjunction", "conj"),
            Map.entry("numeral", "num"), Map.entry("number", "num"), Map.entry("determiner", "det"),
            Map.entry("article", "article"), Map.entry("proper noun", "name"), Map.entry("transitive verb", "verb"),
            Map.entry("intransitive verb", "verb"), Map.entry("auxiliary verb", "verb"));

    private FreeDictionaryEntries() {
    }

    static List<EntryDocument> read(String language, String body, JsonMapper json) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JacksonException e) {
            return List.of();
        }
        if (!answer.isArray()) {
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        answer.forEach(element -> {
            if (element.isObject() && !text(element.get("word")).isEmpty()) {
                elements.add(element);
            }
        });
        List<EntryDocument> entries = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String homograph = elements.size() > 1 ? Integer.toString(i + 1) : null;
            List<EntryDocument.Pronunciation> pronunciations = pronunciations(element);
            Map<String, List<EntryDocument.Sense>> senses = senses(language, element);
            String document = element.toString();
            senses.forEach((pos, list) -> entries.add(new EntryDocument(language, text(element.get("word")), pos,
                    homograph, null, List.of(), pronunciations, list, List.of(), null, null, document)));
        }
        return entries;
    }

    private static List<EntryDocument.Pronunciation> pronunciations(JsonNode element) {
        Set<EntryDocument.Pronunciation> found = new LinkedHashSet<>();
        for (JsonNode phonetic : element.path("phonetics")) {
            String ipa = text(phonetic.get("text"));
            String audio = audio(text(phonetic.get("audio")));
            if (!ipa.isEmpty() || audio != null) {
                found.add(new EntryDocument.Pronunciation(ipa.isEmpty() ? null : ipa, audio, List.of()));
            }
        }
        String phonetic = text(element.get("phonetic"));
        if (!phonetic.isEmpty() && found.stream().noneMatch(p -> phonetic.equals(p.ipa()))) {
            found.add(new EntryDocument.Pronunciation(phonetic, null, List.of()));
        }
        return List.copyOf(found);
    }

    /** Recordings by absolute http(s) address; the older answers' protocol-relative ones get https. */
    private static String audio(String audio) {
        if (audio.startsWith("//")) {
            audio = "https:" + audio;
        }
        return audio.startsWith("https://") || audio.startsWith("http://") ? audio : null;
    }

    private static Map<String, List<EntryDocument.Sense>> senses(String language, JsonNode element) {
        Map<String, List<EntryDocument.Sense>> byPos = new LinkedHashMap<>();
        if (element.path("meanings").isArray()) {
            for (JsonNode meaning : element.get("meanings")) {
                add(byPos, language, text(meaning.get("partOfSpeech")), meaning.path("definitions"));
            }
        } else if (element.path("meaning").isObject()) {
            element.get("meaning").properties().forEach(field -> add(byPos, language, field.getKey(), field.getValue()));
        }
        return byPos;
    }

    private static void add(Map<String, List<EntryDocument.Sense>> byPos, String language, String partOfSpeech,
            JsonNode definitions) {
        String pos = partOfSpeech(partOfSpeech);
        if (pos.isEmpty() || !definitions.isArray()) {
            return;
        }
        for (JsonNode definition : definitions) {
            String gloss = text(definition.get("definition"));
            if (gloss.isEmpty()) {
                continue;
            }
            String example = text(definition.get("example"));
            byPos.computeIfAbsent(pos, k -> new ArrayList<>()).add(new EntryDocument.Sense(
                    List.of(new EntryDocument.Gloss(language, gloss)),
                    example.isEmpty() ? List.of() : List.of(new EntryDocument.Example(example, null)), List.of()));
        }
    }

    /** Wiktextract's names (noun, verb, adj, intj, ...), so that entries from both sources meet. */
    static String partOfSpeech(String name) {
        String pos = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return PARTS_OF_SPEECH.getOrDefault(pos, pos);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString().strip() : "";
    }
}
