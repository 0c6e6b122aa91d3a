package org.glossa.dictionary.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wiktextract JSONL (kaikki.org): one JSON object per line, one word and part of speech each. Fields in
 * unexpected shapes are passed over, unknown fields ignored; a line that is not a JSON object or has no
 * {@code word} is a bad line. The whole line is kept as the entry's source document.
 * <p>
 * Each line is read with Jackson's streaming parser straight into the entry (no tree of the line is built: that was
 * the reading thread's largest cost). The whole line is still read to its end, so that a line is valid exactly when
 * {@code readTree} would take it; a key given twice counts with its last value, as in a tree.
 * <p>
 * Lines are split as bytes ({@code \n}, {@code \r\n} or {@code \r}, as {@code BufferedReader.readLine} splits them)
 * and decoded once, into the document's string. A line that decodes without a replacement character is well-formed
 * UTF-8: Jackson then parses its bytes, and they are the document's UTF-8 as well (not encoded again for the hash and
 * COPY). Other lines (malformed UTF-8, a byte-order mark or a zero byte at the start) are parsed from the decoded
 * string.
 */
final class WiktextractReader implements ImportReader {

    /** Rows of {@code forms} that describe the inflection table, not word forms. */
    private static final Set<String> NOT_FORMS = Set.of("table-tags", "inflection-template", "class");
    private static final Set<String> GENDERS = Set.of("masculine", "feminine", "neuter", "common");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final JsonMapper json;
    private final Options options;
    /** Whether content after the line's JSON value makes it invalid, as it does for {@code readTree}. */
    private final boolean failOnTrailing;
    private long line;
    /** Bytes read and not yet returned as lines: {@code buffer[position..limit)}. */
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    /** The last line ended with {@code \r}: a {@code \n} right after it belongs to the same line end. */
    private boolean afterCarriageReturn;
    private boolean ended;

    WiktextractReader(InputStream in, JsonMapper json, Options options) {
        this.in = in;
        this.json = json;
        this.options = options;
        this.failOnTrailing = json.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public ImportRecord next() throws IOException {
        int end;
        while ((end = nextLineEnd()) >= 0) {
            int start = position;
            position = end < limit ? end + 1 : end; // past the line's terminator
            line++;
            if (line <= options.resumeAfter()) {
                continue;
            }
            return parse(line, buffer, start, end - start);
        }
        return null;
    }

    /**
     * Where the next line, which starts at {@code position}, ends: at its terminator, or at {@code limit} for a last
     * line without one. Reads more as needed; -1 at the end of the input.
     */
    private int nextLineEnd() throws IOException {
        int scanned = position;
        while (true) {
            if (afterCarriageReturn && position < limit) {
                afterCarriageReturn = false;
                if (buffer[position] == '\n') {
                    position++;
                }
                scanned = position;
            }
            for (int i = scanned; i < limit; i++) {
                byte b = buffer[i];
                if (b == '\n' || b == '\r') {
                    afterCarriageReturn = b == '\r';
                    return i;
                }
            }
            scanned = limit;
            if (ended) {
                return position < limit ? limit : -1;
            }
            if (position > 0) { // keep only the line begun, at the buffer's start
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                scanned -= position;
                limit -= position;
                position = 0;
            }
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                ended = true;
            } else {
                limit += n;
            }
        }
    }

    /**
     * A line given as its UTF-8 bytes. A line that is one JSON object from its first byte to its last ({@code {...}}:
     * nothing to strip around it) and well-formed UTF-8 is parsed from its bytes, and they are its document: it is
     * not decoded into a string at all (the record's entry has no document, the record has its bytes). Any other line
     * (malformed UTF-8, spaces around it, a byte-order mark, not an object...) is decoded, as
     * {@code BufferedReader.readLine} would have, and parsed from the string.
     */
    ImportRecord parse(long number, byte[] bytes, int offset, int length) {
        int end = offset + length;
        // Jackson would take zero bytes at the start as the sign of another encoding.
        boolean plain = length >= 2 && bytes[offset] == '{' && bytes[end - 1] == '}'
                && !zeroIn(bytes, offset, Math.min(length, 4)) && Utf8.wellFormed(bytes, offset, end);
        if (!plain) {
            return parse(number, new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
        byte[] document = Arrays.copyOfRange(bytes, offset, end);
        return parse(number, json.createParser(document), nulEscapeIn(document), null, document);
    }

    /** Whether the text has the six characters of the escape {@code \\u0000} (as {@code String.contains} finds them). */
    private static boolean nulEscapeIn(byte[] bytes) {
        for (int i = 0; i + 6 <= bytes.length;) {
            // Eight bytes at a time while none of them is a backslash (a line has few escapes).
            if (i + 8 <= bytes.length) {
                long x = (long) LONGS.get(bytes, i) ^ 0x5c5c5c5c5c5c5c5cL; // a zero byte where a backslash is
                if (((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) == 0) {
                    i += 8;
                    continue;
                }
            }
            if (bytes[i] == '\\' && bytes[i + 1] == 'u' && bytes[i + 2] == '0' && bytes[i + 3] == '0'
                    && bytes[i + 4] == '0' && bytes[i + 5] == '0') {
                return true;
            }
            i++;
        }
        return false;
    }

    private static boolean zeroIn(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The fields of one line's object, each as the last occurrence of its key gave it. */
    private static final class Fields {
        String word;
        String language;
        String pos;
        String homograph;
        List<String> tags = List.of();
        List<Form> forms = List.of();
        List<Pronunciation> pronunciations = List.of();
        Senses senses = Senses.NONE;
        List<Translation> translations = List.of();
    }

    /** An entry's senses, the tags of its first sense (if that is an object) and the senses' translations. */
    private record Senses(List<Sense> senses, List<String> firstTags, List<Translation> translations) {
        static final Senses NONE = new Senses(List.of(), List.of(), List.of());
    }

    /** A line given as a string. */
    ImportRecord parse(long number, String text) {
        if (text.isBlank()) {
            return ImportRecord.skip(number);
        }
        return parse(number, json.createParser(text), text.contains("\\u0000"), text.strip(), null);
    }

    /**
     * A line that is not blank, read with {@code p}; {@code nulEscape} tells whether its text has the escape
     * {@code \\u0000}. Its document is {@code document}, or when that is null its UTF-8 {@code documentUtf8}.
     */
    private ImportRecord parse(long number, JsonParser parser, boolean nulEscape, String document,
            byte[] documentUtf8) {
        Fields fields;
        try (JsonParser p = parser) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                fields = entry(p);
            } else {
                fields = null;
                p.skipChildren(); // still the whole value: an array that breaks off is not valid JSON
            }
            if (first != null && failOnTrailing && p.nextToken() != null) {
                return ImportRecord.bad(number, "not valid JSON");
            }
        } catch (JacksonException e) {
            return ImportRecord.bad(number, "not valid JSON");
        }
        if (fields == null) {
            return ImportRecord.bad(number, "not a JSON object");
        }
        if (nulEscape) {
            return ImportRecord.bad(number, "contains the character \\u0000, which cannot be stored");
        }
        String word = fields.word;
        if (word == null || word.isBlank()) {
            return ImportRecord.bad(number, "has no word");
        }
        String language = fields.language;
        if (language == null) {
            language = options.language();
        }
        if (language == null) {
            return ImportRecord.bad(number, "has no lang_code (give the import a language)");
        }
        if (options.language() != null && !options.language().equalsIgnoreCase(language)) {
            return ImportRecord.skip(number);
        }
        List<Translation> translations = fields.translations;
        if (!fields.senses.translations().isEmpty()) { // the entry's own first, then each sense's
            translations = new ArrayList<>(translations);
            translations.addAll(fields.senses.translations());
        }
        return new ImportRecord(number, new EntryDocument(language, word.strip(), fields.pos, fields.homograph,
                gender(fields), fields.forms, fields.pronunciations, fields.senses.senses(), translations, null, null,
                document), null, documentUtf8);
    }

    /** The line's object, from its start to its end; the parser is on its {@code START_OBJECT}. */
    private Fields entry(JsonParser p) {
        Fields f = new Fields();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            switch (name) {
                case "word" -> f.word = text(p);
                case "lang_code" -> f.language = text(p);
                case "pos" -> f.pos = text(p);
                case "etymology_number" -> f.homograph = homograph(p);
                case "tags" -> f.tags = strings(p);
                case "forms" -> f.forms = forms(p);
                case "sounds" -> f.pronunciations = pronunciations(p);
                case "senses" -> f.senses = senses(p);
                case "translations" -> f.translations = translations(p, new ArrayList<>());
                default -> p.skipChildren();
            }
        }
        return f;
    }

    private static String gender(Fields f) {
        for (String tag : f.tags) {
            if (GENDERS.contains(tag)) {
                return tag;
            }
        }
        for (String tag : f.senses.firstTags()) {
            if (GENDERS.contains(tag)) {
                return tag;
            }
        }
        return null;
    }

    /** Wiktextract's etymology number, given as a number or a string; null in any other shape. */
    private static String homograph(JsonParser p) {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getString();
            // The number's text as its tree node gives it (1e2 is "100.0"): read as the one node it is.
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.<JsonNode>readValueAsTree().asString();
            default -> {
                p.skipChildren();
                yield null;
            }
        };
    }

    private static List<Form> forms(JsonParser p) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<Form> forms = new ArrayList<>();
        while (nextObject(p)) {
            String text = null;
            List<String> tags = List.of();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "form" -> text = text(p);
                    case "tags" -> tags = strings(p);
                    default -> p.skipChildren();
                }
            }
            if (text == null || describesTheTable(tags)) {
                continue;
            }
            forms.add(new Form(text.strip(), tags));
        }
        return forms;
    }

    /** Whether a form's tags say it describes the inflection table (loops, not streams: run for every form). */
    private static boolean describesTheTable(List<String> tags) {
        for (String tag : tags) {
            if (NOT_FORMS.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private List<Gloss> glosses(List<String> texts) {
        List<Gloss> glosses = new ArrayList<>(texts.size());
        for (String text : texts) {
            glosses.add(new Gloss(options.glossLanguage(), text));
        }
        return glosses;
    }

    private static List<Pronunciation> pronunciations(JsonParser p) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<Pronunciation> sounds = new ArrayList<>();
        while (nextObject(p)) {
            String ipa = null;
            String mp3 = null;
            String ogg = null;
            List<String> tags = List.of();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "ipa" -> ipa = text(p);
                    case "mp3_url" -> mp3 = text(p);
                    case "ogg_url" -> ogg = text(p);
                    case "tags" -> tags = strings(p);
                    default -> p.skipChildren();
                }
            }
            String audio = mp3 != null ? mp3 : ogg;
            if (ipa != null || audio != null) {
                sounds.add(new Pronunciation(ipa, audio, tags));
            }
        }
        return sounds;
    }

    private Senses senses(JsonParser p) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return Senses.NONE;
        }
        List<Sense> senses = new ArrayList<>();
        List<String> firstTags = List.of();
        List<Translation> translations = new ArrayList<>();
        boolean first = true;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), first = false) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            List<String> glosses = List.of();
            List<Example> examples = List.of();
            List<String> tags = List.of();
            List<Translation> own = null;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "glosses" -> glosses = strings(p);
                    case "examples" -> examples = examples(p);
                    case "tags" -> tags = strings(p);
                    case "translations" -> own = translations(p, new ArrayList<>());
                    default -> p.skipChildren();
                }
            }
            if (first) {
                firstTags = tags; // gender may come from the first sense (only when it is an object)
            }
            if (own != null) {
                translations.addAll(own);
            }
            if (!glosses.isEmpty() || !examples.isEmpty()) {
                senses.add(new Sense(glosses(glosses), examples,
                        tags));
            }
        }
        return new Senses(senses, firstTags, translations);
    }

    private static List<Example> examples(JsonParser p) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<Example> examples = new ArrayList<>();
        while (nextObject(p)) {
            String text = null;
            String translation = null;
            String english = null;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "text" -> text = text(p);
                    case "translation" -> translation = text(p);
                    case "english" -> english = text(p);
                    default -> p.skipChildren();
                }
            }
            if (text != null) {
                examples.add(new Example(text, translation != null ? translation : english));
            }
        }
        return examples;
    }

    /** The translations of an array of them, added to {@code into}; none from any other shape. */
    private static List<Translation> translations(JsonParser p, List<Translation> into) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return into;
        }
        while (nextObject(p)) {
            String word = null;
            String langCode = null;
            String code = null;
            String sense = null;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "word" -> word = text(p);
                    case "lang_code" -> langCode = text(p);
                    case "code" -> code = text(p);
                    case "sense" -> sense = text(p);
                    default -> p.skipChildren();
                }
            }
            String language = langCode != null ? langCode : code;
            if (word != null && language != null) {
                into.add(new Translation(language, word, sense));
            }
        }
        return into;
    }

    /**
     * Moves to the next object of the array the parser is in, passing over elements of other shapes; false at the
     * array's end.
     */
    private static boolean nextObject(JsonParser p) {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.START_OBJECT) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }

    /**
     * A string, or a list of the non-blank strings of an array (elements of other shapes passed over); empty in any
     * other shape. A single string is taken as it is, even blank.
     */
    private static List<String> strings(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return List.of(p.getString());
        }
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getString();
                if (!s.isBlank()) {
                    out.add(s);
                }
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /** A non-blank string; null in any other shape. */
    private static String text(JsonParser p) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return null;
        }
        String s = p.getString();
        return s.isBlank() ? null : s;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
