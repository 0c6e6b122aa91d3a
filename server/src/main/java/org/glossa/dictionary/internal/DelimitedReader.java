package org.glossa.dictionary.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glossa.dictionary.EntryDocument;
import org.glossa.dictionary.EntryDocument.Example;
import org.glossa.dictionary.EntryDocument.Form;
import org.glossa.dictionary.EntryDocument.Gloss;
import org.glossa.dictionary.EntryDocument.Pronunciation;
import org.glossa.dictionary.EntryDocument.Sense;
import org.glossa.dictionary.EntryDocument.Translation;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV (RFC 4180 quoting, one record per line) or TSV word lists whose first line names the columns.
 * Known columns, any case: {@code lemma} (or word, headword; required), {@code language} (or lang;
 * else the import's language), {@code pos}, {@code gender}, {@code homograph}, {@code forms}, {@code ipa},
 * {@code audio}, {@code glosses} (or gloss, definition, meaning), {@code gloss_language}, {@code example},
 * {@code example_translation}, {@code translations} (as {@code lang:word}), {@code frequency_rank} (or rank,
 * frequency), {@code cefr} (or level). Lists are separated by {@code |} or {@code ;}. Other columns are kept
 * in the source document only. The row, as a JSON object of column to value, is the source document.
 */
final class DelimitedReader implements ImportReader {

    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("word", "lemma"),
            Map.entry("headword", "lemma"), Map.entry("lang", "language"), Map.entry("part_of_speech", "pos"),
            Map.entry("gloss", "glosses"), Map.entry("definition", "glosses"), Map.entry("definitions", "glosses"),
            Map.entry("meaning", "glosses"), Map.entry("meanings", "glosses"), Map.entry("rank", "frequency_rank"),
            Map.entry("frequency", "frequency_rank"), Map.entry("level", "cefr"), Map.entry("form", "forms"),
            Map.entry("translation", "translations"));

    private final BufferedReader in;
    private final char separator;
    private final JsonMapper json;
    private final Options options;
    private List<String> header;
    private String headerProblem;
    private long line;

    DelimitedReader(BufferedReader in, char separator, JsonMapper json, Options options) {
        this.in = in;
        this.separator = separator;
        this.json = json;
        this.options = options;
    }

    @Override
    public ImportRecord next() throws IOException {
        String text;
        while ((text = in.readLine()) != null) {
            line++;
            if (line == 1) {
                readHeader(text.startsWith("\uFEFF") ? text.substring(1) : text);
                if (headerProblem != null && options.resumeAfter() < 1) {
                    return ImportRecord.bad(1, headerProblem);
                }
                continue;
            }
            if (line <= options.resumeAfter()) {
                continue;
            }
            if (headerProblem != null) {
                return ImportRecord.bad(line, "not read: " + headerProblem);
            }
            if (text.isBlank()) {
                return ImportRecord.skip(line);
            }
            return parse(line, text);
        }
        return null;
    }

    private void readHeader(String text) {
        List<String> names = split(text);
        if (names == null) {
            headerProblem = "the header line has an unclosed quote";
            return;
        }
        header = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'))
                .map(n -> ALIASES.getOrDefault(n, n)).toList();
        if (!header.contains("lemma")) {
            headerProblem = "the header line names no lemma (or word) column";
        } else if (!header.contains("language") && options.language() == null) {
            headerProblem = "the header line names no language column and the import has no language";
        }
    }

    ImportRecord parse(long number, String text) {
        List<String> values = split(text);
        if (values == null) {
            return ImportRecord.bad(number, "has an unclosed quote (records must fit on one line)");
        }
        if (values.size() > header.size()) {
            return ImportRecord.bad(number, "has " + values.size() + " fields, the header names " + header.size());
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i).strip();
            if (!value.isEmpty()) {
                row.put(header.get(i), value);
            }
        }
        String lemma = row.get("lemma");
        if (lemma == null) {
            return ImportRecord.bad(number, "has no lemma");
        }
        String language = row.getOrDefault("language", options.language());
        if (language == null) {
            return ImportRecord.bad(number, "has no language");
        }
        if (options.language() != null && row.containsKey("language")
                && !options.language().equalsIgnoreCase(language)) {
            return ImportRecord.skip(number);
        }
        Integer rank = null;
        if (row.containsKey("frequency_rank")) {
            try {
                rank = Integer.valueOf(row.get("frequency_rank"));
            } catch (NumberFormatException e) {
                return ImportRecord.bad(number, "frequency_rank is not a whole number");
            }
        }
        String glossLanguage = row.getOrDefault("gloss_language", options.glossLanguage());
        List<Gloss> glosses = list(row.get("glosses")).stream().map(g -> new Gloss(glossLanguage, g)).toList();
        List<Example> examples = row.containsKey("example")
                ? List.of(new Example(row.get("example"), row.get("example_translation"))) : List.of();
        List<Sense> senses = glosses.isEmpty() && examples.isEmpty() ? List.of()
                : List.of(new Sense(glosses, examples, list(row.get("tags"))));
        List<Pronunciation> sounds = row.containsKey("ipa") || row.containsKey("audio")
                ? List.of(new Pronunciation(row.get("ipa"), row.get("audio"), List.of())) : List.of();
        List<Translation> translations = new ArrayList<>();
        for (String t : list(row.get("translations"))) {
            int colon = t.indexOf(':');
            if (colon <= 0 || colon == t.length() - 1) {
                return ImportRecord.bad(number, "translations must be written lang:word, e.g. en:house");
            }
            translations.add(new Translation(t.substring(0, colon).strip(), t.substring(colon + 1).strip(), null));
        }
        List<Form> forms = list(row.get("forms")).stream().map(f -> new Form(f, List.of())).toList();
        return ImportRecord.entry(number, new EntryDocument(language, lemma, row.get("pos"), row.get("homograph"),
                row.get("gender"), forms, sounds, senses, translations, rank, row.get("cefr"),
                json.writeValueAsString(row)));
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[|;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The fields of one line, or null when a quote is left open. */
    List<String> split(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
