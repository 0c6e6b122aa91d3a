package org.glossa.dictionary.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.glossa.dictionary.EntryDocument;
import org.glossa.dictionary.EntryDocument.Example;
import org.glossa.dictionary.EntryDocument.Form;
import org.glossa.dictionary.EntryDocument.Gloss;
import org.glossa.dictionary.EntryDocument.Pronunciation;
import org.glossa.dictionary.EntryDocument.Sense;
import org.glossa.dictionary.EntryDocument.Translation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test oracle only: {@link WiktextractReader}'s parsing as it was before it streamed (a {@code JsonNode} tree per
 * line), unchanged, so that {@code WiktextractReaderTests} can check that the streaming reader gives exactly the same
 * records for real and for odd lines. Not used by the server.
 */
final class TreeWiktextractOracle {

    /** Rows of {@code forms} that describe the inflection table, not word forms. */
    private static final Set<String> NOT_FORMS = Set.of("table-tags", "inflection-template", "class");
    private static final Set<String> GENDERS = Set.of("masculine", "feminine", "neuter", "common");

    private final JsonMapper json;
    private final ImportReader.Options options;

    TreeWiktextractOracle(JsonMapper json, ImportReader.Options options) {
        this.json = json;
        this.options = options;
    }

    ImportRecord parse(long number, String text) {
        if (text.isBlank()) {
            return ImportRecord.skip(number);
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            return ImportRecord.bad(number, "not valid JSON");
        }
        if (node == null || !node.isObject()) {
            return ImportRecord.bad(number, "not a JSON object");
        }
        if (text.contains("\\u0000")) {
            return ImportRecord.bad(number, "contains the character \\u0000, which cannot be stored");
        }
        String word = text(node.get("word"));
        if (word == null || word.isBlank()) {
            return ImportRecord.bad(number, "has no word");
        }
        String language = text(node.get("lang_code"));
        if (language == null) {
            language = options.language();
        }
        if (language == null) {
            return ImportRecord.bad(number, "has no lang_code (give the import a language)");
        }
        if (options.language() != null && !options.language().equalsIgnoreCase(language)) {
            return ImportRecord.skip(number);
        }
        JsonNode etymology = node.get("etymology_number");
        String homograph = etymology != null && (etymology.isNumber() || etymology.isString()) ? etymology.asString() : null;
        return ImportRecord.entry(number, new EntryDocument(language, word.strip(), text(node.get("pos")), homograph,
                gender(node), forms(node), pronunciations(node), senses(node), translations(node), null, null,
                text.strip()));
    }

    private static String gender(JsonNode node) {
        for (String tag : strings(node.get("tags"))) {
            if (GENDERS.contains(tag)) {
                return tag;
            }
        }
        JsonNode senses = node.get("senses");
        if (senses != null && senses.isArray() && !senses.isEmpty()) {
            for (String tag : strings(senses.get(0).get("tags"))) {
                if (GENDERS.contains(tag)) {
                    return tag;
                }
            }
        }
        return null;
    }

    private static List<Form> forms(JsonNode node) {
        List<Form> forms = new ArrayList<>();
        for (JsonNode form : array(node.get("forms"))) {
            String text = text(form.get("form"));
            List<String> tags = strings(form.get("tags"));
            if (text == null || text.isBlank() || tags.stream().anyMatch(NOT_FORMS::contains)) {
                continue;
            }
            forms.add(new Form(text.strip(), tags));
        }
        return forms;
    }

    private static List<Pronunciation> pronunciations(JsonNode node) {
        List<Pronunciation> sounds = new ArrayList<>();
        for (JsonNode sound : array(node.get("sounds"))) {
            String ipa = text(sound.get("ipa"));
            String audio = text(sound.get("mp3_url"));
            if (audio == null) {
                audio = text(sound.get("ogg_url"));
            }
            if (ipa != null || audio != null) {
                sounds.add(new Pronunciation(ipa, audio, strings(sound.get("tags"))));
            }
        }
        return sounds;
    }

    private List<Sense> senses(JsonNode node) {
        List<Sense> senses = new ArrayList<>();
        for (JsonNode sense : array(node.get("senses"))) {
            List<Gloss> glosses = strings(sense.get("glosses")).stream()
                    .map(g -> new Gloss(options.glossLanguage(), g)).toList();
            List<Example> examples = new ArrayList<>();
            for (JsonNode example : array(sense.get("examples"))) {
                String text = text(example.get("text"));
                if (text != null) {
                    String translation = text(example.get("translation"));
                    examples.add(new Example(text, translation != null ? translation : text(example.get("english"))));
                }
            }
            if (!glosses.isEmpty() || !examples.isEmpty()) {
                senses.add(new Sense(glosses, examples, strings(sense.get("tags"))));
            }
        }
        return senses;
    }

    private static List<Translation> translations(JsonNode node) {
        List<Translation> translations = new ArrayList<>();
        addTranslations(node.get("translations"), translations);
        for (JsonNode sense : array(node.get("senses"))) {
            addTranslations(sense.get("translations"), translations);
        }
        return translations;
    }

    private static void addTranslations(JsonNode list, List<Translation> into) {
        for (JsonNode t : array(list)) {
            String word = text(t.get("word"));
            String code = text(t.get("lang_code"));
            if (code == null) {
                code = text(t.get("code"));
            }
            if (word != null && code != null) {
                into.add(new Translation(code, word, text(t.get("sense"))));
            }
        }
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<JsonNode> objects = new ArrayList<>();
        node.forEach(n -> {
            if (n.isObject()) {
                objects.add(n);
            }
        });
        return objects;
    }

    private static List<String> strings(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isString()) {
            return List.of(node.asString());
        }
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.isString() && !n.asString().isBlank()) {
                    out.add(n.asString());
                }
            });
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
