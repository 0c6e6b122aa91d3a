package org.glossa.dictionary.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.glossa.dictionary.DictionarySamples;
import org.glossa.dictionary.EntryDocument;
import org.glossa.dictionary.EntryDocument.Example;
import org.glossa.dictionary.EntryDocument.Form;
import org.glossa.dictionary.EntryDocument.Gloss;
import org.glossa.dictionary.EntryDocument.Pronunciation;
import org.glossa.dictionary.EntryDocument.Sense;
import org.glossa.dictionary.EntryDocument.Translation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Wiktextract reader parses each line with Jackson's streaming parser: what it takes from a line, and which lines
 * it calls bad, must be what the tree-based reader before it gave ({@link TreeWiktextractOracle}), for the real sample
 * lines and for lines whose fields come in unexpected shapes.
 */
class WiktextractReaderTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ImportReader.Options anyLanguage = new ImportReader.Options(null, "en", 0);

    private WiktextractReader reader(ImportReader.Options options) {
        return new WiktextractReader(InputStream.nullInputStream(), json, options);
    }

    /** A line parsed as the import reads it: from its UTF-8 bytes. */
    private ImportRecord parse(WiktextractReader reader, long number, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return reader.parse(number, bytes, 0, bytes.length);
    }

    private EntryDocument entry(String line) {
        ImportRecord r = parse(reader(anyLanguage), 1, line);
        assertThat(r.error()).as("bad line: " + line).isNull();
        assertThat(r.entry()).as("skipped: " + line).isNotNull();
        return r.entry();
    }

    private String error(String line) {
        return parse(reader(anyLanguage), 7, line).error();
    }

    // ------------------------------------------------------------------------------------------- explicit values

    @Test
    void aWholeEntryIsReadWithItsFormsSoundsSensesAndTranslations() {
        String line = """
                 {"word": " perro ", "lang_code": "es", "pos": "noun", "etymology_number": 2, "tags": ["masculine"],
                  "forms": [{"form": "perros", "tags": ["plural"]}, {"form": "es-noun", "tags": ["inflection-template"]}],
                  "sounds": [{"ipa": "/ˈpero/"}, {"ogg_url": "a.ogg", "tags": ["Spain"]}, {"mp3_url": "b.mp3", "ogg_url": "b.ogg"}],
                  "senses": [{"glosses": ["dog"], "tags": ["feminine"], "examples": [{"text": "el perro", "english": "the dog"},
                             {"text": "un perro", "translation": "a dog", "english": "ignored"}],
                             "translations": [{"word": "Hund", "code": "de"}]}],
                  "translations": [{"word": "dog", "lang_code": "en", "sense": "animal"}]}\t""".replace("\n", "");
        EntryDocument e = entry(line);
        assertThat(e).isEqualTo(new EntryDocument("es", "perro", "noun", "2", "masculine",
                List.of(new Form("perros", List.of("plural"))),
                List.of(new Pronunciation("/ˈpero/", null, List.of()), new Pronunciation(null, "a.ogg", List.of("Spain")),
                        new Pronunciation(null, "b.mp3", List.of())),
                List.of(new Sense(List.of(new Gloss("en", "dog")), List.of(new Example("el perro", "the dog"),
                        new Example("un perro", "a dog")), List.of("feminine"))),
                List.of(new Translation("en", "dog", "animal"), new Translation("de", "Hund", null)), null, null,
                line.strip()));
    }

    @Test
    void sensesThatAreNotAnArrayGiveNoSensesNorGenderNorTranslations() {
        for (String senses : new String[] { "{\"glosses\": [\"dog\"], \"tags\": [\"neuter\"]}", "\"dog\"", "3", "null",
                "true" }) {
            EntryDocument e = entry("{\"word\": \"Hund\", \"lang_code\": \"de\", \"senses\": " + senses + "}");
            assertThat(e.senses()).as(senses).isEmpty();
            assertThat(e.gender()).as(senses).isNull();
            assertThat(e.translations()).as(senses).isEmpty();
        }
    }

    @Test
    void genderComesFromTheFirstSenseOnlyWhenThatIsAnObject() {
        assertThat(entry("{\"word\": \"a\", \"lang_code\": \"de\", \"senses\": [{\"tags\": [\"neuter\"]}]}").gender())
                .isEqualTo("neuter");
        assertThat(entry("{\"word\": \"a\", \"lang_code\": \"de\", \"senses\": [{\"tags\": \"common\"}]}").gender())
                .isEqualTo("common");
        assertThat(entry("{\"word\": \"a\", \"lang_code\": \"de\", \"senses\": [\"x\", {\"tags\": [\"neuter\"]}]}")
                .gender()).isNull();
        assertThat(entry("{\"word\": \"a\", \"lang_code\": \"de\", \"senses\": [{}, {\"tags\": [\"neuter\"]}]}").gender())
                .isNull();
        // The entry's own tags come first, wherever they stand in the line.
        assertThat(entry("{\"word\": \"a\", \"lang_code\": \"de\", \"senses\": [{\"tags\": [\"neuter\"]}], "
                + "\"tags\": [\"feminine\"]}").gender()).isEqualTo("feminine");
    }

    @Test
    void formsWithoutAFormOrWithTableTagsArePassedOver() {
        EntryDocument e = entry("""
                {"word": "gato", "lang_code": "es", "forms": [{"tags": ["plural"]}, {"form": "  "}, {"form": 5},
                 {"form": ["gatos"]}, {"form": "gatos", "tags": ["plural", 3, "", {"a": 1}]}, "gatas", 7, null,
                 [{"form": "nested"}], {"form": "x", "tags": ["class"]}, {"form": " gatita ", "tags": "diminutive"},
                 {"form": "gatote", "tags": {"augmentative": true}}, {"form": "gatazo", "tags": " "}]}""".replace("\n", ""));
        // A single string is a tag as it is, even blank (only an array's blank strings are dropped).
        assertThat(e.forms()).containsExactly(new Form("gatos", List.of("plural")),
                new Form("gatita", List.of("diminutive")), new Form("gatote", List.of()), new Form("gatazo", List.of(" ")));
        assertThat(entry("{\"word\": \"gato\", \"lang_code\": \"es\", \"forms\": {\"form\": \"gatos\"}}").forms())
                .isEmpty();
    }

    @Test
    void numbersAndOtherShapesWhereStringsBelongCountAsAbsent() {
        assertThat(error("{\"word\": 5, \"lang_code\": \"es\"}")).isEqualTo("has no word");
        assertThat(error("{\"word\": [\"gato\"], \"lang_code\": \"es\"}")).isEqualTo("has no word");
        assertThat(error("{\"word\": \"  \", \"lang_code\": \"es\"}")).isEqualTo("has no word");
        assertThat(error("{\"word\": null, \"lang_code\": \"es\"}")).isEqualTo("has no word");
        assertThat(error("{\"word\": \"gato\", \"lang_code\": 34}"))
                .isEqualTo("has no lang_code (give the import a language)");
        EntryDocument e = entry("""
                {"word": "gato", "lang_code": "es", "pos": 1, "tags": 12,
                 "sounds": [{"ipa": 1, "mp3_url": 2, "ogg_url": "c.ogg"}, {"ipa": 1.5}, {"tags": ["x"]}],
                 "senses": [{"glosses": [1, "cat", " ", null, ["x"]], "examples": [{"text": 3}, {"text": "ok", "translation": 4,
                 "english": "fine"}], "tags": [false]}, {"glosses": "tomcat"}, {"glosses": 9, "examples": "no"}],
                 "translations": [{"word": 1, "code": "de"}, {"word": "Katze", "lang_code": 2, "code": "de", "sense": 3},
                 {"word": "chat", "lang_code": "fr", "code": "xx"}, {"word": "kot"}]}""".replace("\n", ""));
        assertThat(e.partOfSpeech()).isNull();
        assertThat(e.gender()).isNull();
        assertThat(e.pronunciations()).containsExactly(new Pronunciation(null, "c.ogg", List.of()));
        assertThat(e.senses()).containsExactly(
                new Sense(List.of(new Gloss("en", "cat")), List.of(new Example("ok", "fine")), List.of()),
                new Sense(List.of(new Gloss("en", "tomcat")), List.of(), List.of()));
        assertThat(e.translations()).containsExactly(new Translation("de", "Katze", null),
                new Translation("fr", "chat", null));
    }

    @Test
    void nestedUnknownFieldsArePassedOverWhole() {
        EntryDocument e = entry("""
                {"head_templates": [{"args": {"1": "m", "nested": [[{"word": "wrong"}], {"senses": []}]}}],
                 "word": "casa", "x": {"word": "wrong", "lang_code": "xx", "forms": [{"form": "wrong"}]},
                 "lang_code": "es", "y": [1, {"z": [true, null, 2.5e3, "s"]}], "forms": [{"form": "casas",
                 "raw": {"form": "wrong", "tags": ["table-tags"]}}], "senses": [{"glosses": ["house"],
                 "links": [["house", "house#English"]], "extra": {"translations": [{"word": "wrong", "code": "de"}]}}]}"""
                .replace("\n", ""));
        assertThat(e.lemma()).isEqualTo("casa");
        assertThat(e.language()).isEqualTo("es");
        assertThat(e.forms()).containsExactly(new Form("casas", List.of()));
        assertThat(e.senses()).containsExactly(new Sense(List.of(new Gloss("en", "house")), List.of(), List.of()));
        assertThat(e.translations()).isEmpty();
    }

    @Test
    void theEtymologyNumberIsTakenAsANumberOrAString() {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        given.put("2", "2");
        given.put("\"3\"", "3");
        given.put("\"b\"", "b");
        given.put("\" \"", " "); // as it was (the store drops a blank homograph)
        given.put("-0", "0");
        given.put("2.0", "2.0");
        given.put("1e2", "100.0");
        given.put("12345678901234567890", "12345678901234567890");
        given.put("null", null);
        given.put("true", null);
        given.put("[1]", null);
        given.put("{\"n\": 1}", null);
        given.forEach((value, homograph) -> assertThat(
                entry("{\"word\": \"banco\", \"lang_code\": \"es\", \"etymology_number\": " + value + "}").homograph())
                .as(value).isEqualTo(homograph));
    }

    @Test
    void aKeyGivenTwiceCountsWithItsLastValue() {
        assertThat(error("{\"word\": \"a\", \"lang_code\": \"es\", \"word\": 5}")).isEqualTo("has no word");
        EntryDocument e = entry("""
                {"word": 5, "forms": [{"form": "a"}], "lang_code": "es", "word": "b", "forms": "none",
                 "senses": [{"glosses": ["x"], "tags": ["neuter"], "translations": [{"word": "x", "code": "de"}]}],
                 "senses": [{"glosses": ["y"], "glosses": ["z"]}], "translations": [{"word": "x", "code": "de"}],
                 "sounds": [{"ipa": "a"}], "translations": {}, "sounds": [{"ipa": "b"}]}""".replace("\n", ""));
        assertThat(e.lemma()).isEqualTo("b");
        assertThat(e.forms()).isEmpty();
        assertThat(e.gender()).isNull();
        assertThat(e.translations()).isEmpty();
        assertThat(e.senses()).containsExactly(new Sense(List.of(new Gloss("en", "z")), List.of(), List.of()));
        assertThat(e.pronunciations()).containsExactly(new Pronunciation("b", null, List.of()));
    }

    @Test
    void badLinesAreNamedAsBefore() {
        assertThat(error("{this is not json")).isEqualTo("not valid JSON");
        assertThat(error("{\"word\": \"a\", \"lang_code\": \"es\"")).isEqualTo("not valid JSON");
        assertThat(error("{\"word\": \"a\", \"lang_code\": \"es\"} {}")).isEqualTo("not valid JSON");
        assertThat(error("{\"word\": \"a\", \"lang_code\": \"es\"} x")).isEqualTo("not valid JSON");
        assertThat(error("{\"word\": \"a\", \"x\": [1, 2}")).isEqualTo("not valid JSON");
        assertThat(error("[1, 2")).isEqualTo("not valid JSON");
        assertThat(error("1 2")).isEqualTo("not valid JSON");
        assertThat(error("[1, 2, 3]")).isEqualTo("not a JSON object");
        assertThat(error("\"word\"")).isEqualTo("not a JSON object");
        assertThat(error("null")).isEqualTo("not a JSON object");
        assertThat(error(" 42 ")).isEqualTo("not a JSON object");
        assertThat(error("{\"lang_code\": \"es\", \"senses\": []}")).isEqualTo("has no word");
        assertThat(error("{\"word\": \"a\\u0000b\", \"lang_code\": \"es\"}"))
                .isEqualTo("contains the character \\u0000, which cannot be stored");
        // Validity comes first: a broken line with a \u0000 is not valid JSON.
        assertThat(error("{\"word\": \"a\\u0000b\", ")).isEqualTo("not valid JSON");
        assertThat(parse(reader(anyLanguage), 3, "   \t").skipped()).isTrue();
        assertThat(parse(reader(anyLanguage), 3, "").skipped()).isTrue();
    }

    @Test
    void otherLanguagesAreSkippedAndTheImportsLanguageFillsAMissingOne() {
        WiktextractReader spanish = reader(new ImportReader.Options("es", "de", 0));
        assertThat(parse(spanish, 1, "{\"word\": \"Haus\", \"lang_code\": \"de\"}").skipped()).isTrue();
        assertThat(parse(spanish, 2, "{\"word\": \"casa\", \"lang_code\": \"ES\"}").entry().language()).isEqualTo("ES");
        EntryDocument missing = parse(spanish, 3, "{\"word\": \"casa\", \"senses\": [{\"glosses\": \"Haus\"}]}").entry();
        assertThat(missing.language()).isEqualTo("es");
        assertThat(missing.senses().getFirst().glosses()).containsExactly(new Gloss("de", "Haus"));
        // A bad word is reported before the language is looked at.
        assertThat(parse(spanish, 4, "{\"lang_code\": \"de\"}").error()).isEqualTo("has no word");
    }

    @Test
    void linesUpToResumeAfterArePassedOverAndNumbersCountEveryLine() throws Exception {
        String file = String.join("\n", "{\"word\": \"a\", \"lang_code\": \"es\"}", "garbage", "",
                "{\"word\": \"b\", \"lang_code\": \"es\"}", "[1]", "{\"word\": \"c\", \"lang_code\": \"de\"}");
        List<String> seen = new ArrayList<>();
        try (WiktextractReader reader = new WiktextractReader(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), json,
                new ImportReader.Options("es", "en", 2))) {
            ImportRecord r;
            while ((r = reader.next()) != null) {
                seen.add(r.line() + ":" + (r.entry() != null ? r.entry().lemma() : r.error() != null ? r.error() : "skip"));
            }
        }
        assertThat(seen).containsExactly("3:skip", "4:b", "5:not a JSON object", "6:skip");
    }

    // ------------------------------------------------------------------------------------------- against the tree

    @Test
    void realLinesGiveTheSameRecordsAsTheTreeBasedReader() {
        List<String> lines = DictionarySamples.allWiktextract();
        assertThat(lines).hasSizeGreaterThan(50);
        for (ImportReader.Options options : List.of(anyLanguage, new ImportReader.Options("es", "fr", 0),
                new ImportReader.Options("la", "en", 0))) {
            assertSameAsTree(lines, options);
        }
    }

    @Test
    void oddLinesGiveTheSameRecordsAsTheTreeBasedReader() {
        List<String> lines = new ArrayList<>(List.of("", " ", "{}", "[]", "null", "1", "\"s\"", "{} ", "{}{}", "{\"a\":}",
                "{\"word\":\"x\"}", "{\"word\":\"x\",\"lang_code\":\"es\"}//", "{\"word\":\"x\",\"lang_code\":\"es\",}",
                "{\"word\":\"x\",\"lang_code\":\"es\",\"n\":01}", "{\"word\":\"x\",\"lang_code\":\"es\",\"n\":NaN}",
                "{\"word\":\"x\",\"lang_code\":\"es\",\"n\":'s'}", "{'word':\"x\"}",
                "{\"word\":\"x\",\"lang_code\":\"es\",\"n\":" + "9".repeat(1200) + "}",
                "{\"word\":\"x\",\"lang_code\":\"es\",\"etymology_number\":" + "9".repeat(900) + "}",
                "{\"word\":\"x\",\"lang_code\":\"es\",\"n\":1." + "5".repeat(1200) + "}",
                "{\"word\":\"x\",\"lang_code\":\"es\",\"n\":" + "[".repeat(1200) + "]".repeat(1200) + "}",
                "{\"word\":\"x\",\"lang_code\":\"es\",\"n\":\"\\ud800\"}", "{\"word\":\"\\ud83d\\ude00\",\"lang_code\":\"es\"}",
                "{\"word\":\"x\",\"lang_code\":\"es\",\"n\":\"bad \\q escape\"}",
                "{\"word\":\"x\",\"lang_code\":\"es\",\"n\":\"raw \t tab\"}", "\uFEFF{\"word\":\"x\",\"lang_code\":\"es\"}"));
        // Real lines cut short, and with something after them.
        for (String real : DictionarySamples.wiktextract("es")) {
            for (int cut = 1; cut < real.length(); cut += 97) {
                lines.add(real.substring(0, cut));
            }
            lines.add(real + " x");
            lines.add(real + "\t");
        }
        assertSameAsTree(lines, anyLanguage);
        assertSameAsTree(lines, new ImportReader.Options("es", "en", 0));
    }

    /**
     * Long strings, one megabyte each, where a line's fields are passed over (an unknown field, an unknown field
     * inside a sense) and where they are read (a gloss, an example, a form): read, or called bad, as before.
     */
    @Test
    void longStringsGiveTheSameRecordsAsTheTreeBasedReader() {
        String mb = "\u00e9a\\\"b".repeat(1 << 18); // escapes and accents all along
        String plain = "y".repeat(1 << 20);
        List<String> lines = new ArrayList<>();
        for (String value : List.of(mb, plain)) {
            lines.add("{\"word\":\"x\",\"lang_code\":\"es\",\"unknown\":\"" + value + "\",\"senses\":[{\"glosses\":[\"g\"]}]}");
            lines.add("{\"word\":\"x\",\"lang_code\":\"es\",\"senses\":[{\"raw_glosses\":[\"" + value
                    + "\"],\"glosses\":[\"g\"]}]}");
            lines.add("{\"word\":\"x\",\"lang_code\":\"es\",\"senses\":[{\"glosses\":[\"" + value
                    + "\"],\"examples\":[{\"text\":\"" + value + "\"}]}]}");
            lines.add("{\"word\":\"x\",\"lang_code\":\"es\",\"forms\":[{\"form\":\"" + value + "\"}]}");
            lines.add("{\"word\":\"x\",\"lang_code\":\"es\",\"unknown\":\"" + value + "}"); // unterminated
        }
        assertSameAsTree(lines, anyLanguage);
    }

    /** Real lines whose values are swapped, at random places, for values of other shapes, and keys doubled. */
    @Test
    void realLinesWithValuesOfOtherShapesGiveTheSameRecordsAsTheTreeBasedReader() {
        Random random = new Random(20261203);
        List<String> real = DictionarySamples.allWiktextract();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            JsonNode node = json.readTree(real.get(random.nextInt(real.size())));
            List<ObjectNode> objects = new ArrayList<>();
            List<ArrayNode> arrays = new ArrayList<>();
            collect(node, objects, arrays);
            for (int changes = 1 + random.nextInt(4); changes > 0; changes--) {
                if (random.nextInt(3) > 0 && !objects.isEmpty()) {
                    ObjectNode object = objects.get(random.nextInt(objects.size()));
                    List<String> names = new ArrayList<>(object.propertyNames());
                    String name = names.isEmpty() || random.nextInt(5) == 0
                            ? List.of("word", "lang_code", "tags", "forms", "senses", "translations", "etymology_number",
                                    "sounds", "form", "glosses", "examples", "text", "english", "code", "ipa", "mp3_url")
                                    .get(random.nextInt(16))
                            : names.get(random.nextInt(names.size()));
                    object.set(name, odd(random));
                } else if (!arrays.isEmpty()) {
                    ArrayNode array = arrays.get(random.nextInt(arrays.size()));
                    array.insert(array.isEmpty() ? 0 : random.nextInt(array.size() + 1), odd(random));
                }
            }
            String line = json.writeValueAsString(node);
            if (random.nextInt(4) == 0) { // the same key twice: a tree keeps the last one
                String key = List.of("word", "senses", "forms", "tags", "lang_code", "etymology_number",
                        "translations", "sounds").get(random.nextInt(8));
                line = "{\"" + key + "\":" + json.writeValueAsString(odd(random)) + "," + line.substring(1);
            }
            lines.add(line);
        }
        assertSameAsTree(lines, anyLanguage);
        assertSameAsTree(lines, new ImportReader.Options("de", "en", 0));
    }

    private static void collect(JsonNode node, List<ObjectNode> objects, List<ArrayNode> arrays) {
        if (node instanceof ObjectNode o) {
            objects.add(o);
        } else if (node instanceof ArrayNode a) {
            arrays.add(a);
        }
        node.forEach(child -> collect(child, objects, arrays));
    }

    private static JsonNode odd(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(16)) {
            case 0 -> f.stringNode("");
            case 1 -> f.stringNode("  ");
            case 2 -> f.stringNode("masculine");
            case 3 -> f.numberNode(random.nextInt(10));
            case 4 -> f.numberNode(random.nextDouble() * 1e6);
            case 5 -> f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 6 -> f.nullNode();
            case 7 -> f.booleanNode(random.nextBoolean());
            case 8 -> f.arrayNode();
            case 9 -> f.objectNode();
            case 10 -> f.arrayNode().add("plural").add(3).add(" ").addNull().add(f.objectNode().put("form", "x"));
            case 11 -> f.objectNode().put("form", "odd").put("word", "odd").put("code", "zz").set("tags",
                    f.arrayNode().add("feminine").add("class"));
            case 12 -> f.arrayNode().add(f.objectNode().put("form", "f").put("text", "t").put("word", "w")
                    .put("lang_code", "de").put("glosses", "g").put("ipa", "i"));
            case 13 -> f.arrayNode().add(f.arrayNode().add(f.objectNode().put("word", "deep")));
            case 14 -> f.stringNode("neuter");
            default -> f.numberNode(-0.0);
        };
    }

    /**
     * The escape of U+0000 (and near misses) at each place of a gloss (each place within the eight bytes the check
     * reads at once), after other escapes: read, or called bad, as before.
     */
    @Test
    void theEscapeOfTheZeroCharacterIsFoundWhereverItIs() {
        String real = DictionarySamples.wiktextract("es").getFirst();
        int gloss = real.indexOf("\"glosses\": [\"") + 13;
        List<String> lines = new ArrayList<>();
        for (String escape : List.of("\\u0000", "\\\\u0000", "\\u0001", "\\\"u0000", "\\u000")) {
            for (int at = gloss; at < gloss + 20; at++) {
                lines.add(real.substring(0, at) + escape + real.substring(at));
                lines.add(real.substring(0, at) + "\\\"\\\\" + escape + real.substring(at));
            }
            lines.add(real.substring(0, real.length() - 1) + ",\"x\":\"" + escape + "\"}"); // at the end
        }
        assertSameAsTree(lines, anyLanguage);
        assertThat(lines.stream().map(line -> parse(reader(anyLanguage), 1, line).error()))
                .contains("contains the character \\u0000, which cannot be stored").contains((String) null);
    }

    /** Real lines are parsed from their bytes and kept as bytes: never decoded into a string. */
    @Test
    void realLinesAreKeptAsTheirBytes() {
        WiktextractReader reader = reader(anyLanguage);
        List<String> lines = DictionarySamples.allWiktextract();
        for (int i = 0; i < lines.size(); i++) {
            byte[] bytes = lines.get(i).getBytes(StandardCharsets.UTF_8);
            ImportRecord r = reader.parse(i + 1, bytes, 0, bytes.length);
            assertThat(r.entry()).as(lines.get(i)).isNotNull();
            assertThat(r.entry().document()).isNull();
            assertThat(r.documentUtf8()).isEqualTo(bytes);
        }
    }

    /**
     * Real lines with malformed UTF-8 put in (bytes that do not start a character, characters cut short, a
     * surrogate, an overlong form, past U+10FFFF), also as their last character before the closing brace, and lines
     * with characters cut short at their end: each gives the record the tree-based reader gives the line as the
     * decoder reads it (replacement characters where the bytes are malformed).
     */
    @Test
    void linesWithMalformedUtf8GiveTheSameRecordsAsTheTreeBasedReader() {
        byte[][] malformed = { { (byte) 0x80 }, { (byte) 0xc3 }, { (byte) 0xe2, (byte) 0x82 },
                { (byte) 0xf0, (byte) 0x9f, (byte) 0x98 }, { (byte) 0xed, (byte) 0xa0, (byte) 0x80 },
                { (byte) 0xc0, (byte) 0xaf }, { (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xff } };
        Random random = new Random(3);
        List<byte[]> lines = new ArrayList<>();
        for (String real : DictionarySamples.allWiktextract()) {
            byte[] bytes = real.getBytes(StandardCharsets.UTF_8);
            for (byte[] bad : malformed) {
                // Inside a gloss (so that the entry is still read, with a replacement character), anywhere, and last.
                int gloss = real.indexOf("\"glosses\": [\"");
                for (int at : new int[] { gloss < 0 ? 1 : real.substring(0, gloss).getBytes(StandardCharsets.UTF_8).length + 13,
                        1 + random.nextInt(bytes.length - 1), bytes.length - 1 }) {
                    byte[] line = new byte[bytes.length + bad.length];
                    System.arraycopy(bytes, 0, line, 0, at);
                    System.arraycopy(bad, 0, line, at, bad.length);
                    System.arraycopy(bytes, at, line, at + bad.length, bytes.length - at);
                    lines.add(line);
                }
            }
            for (int cut = 1, inside = 0; cut < bytes.length; cut++) {
                // Inside a character (every twentieth such place): cut there, and closed after the cut.
                if ((bytes[cut] & 0xc0) == 0x80 && inside++ % 20 == 0) {
                    lines.add(java.util.Arrays.copyOf(bytes, cut));
                    byte[] closed = java.util.Arrays.copyOf(bytes, cut + 1);
                    closed[cut] = '}';
                    lines.add(closed);
                }
            }
        }
        TreeWiktextractOracle tree = new TreeWiktextractOracle(json, anyLanguage);
        WiktextractReader streaming = reader(anyLanguage);
        int entries = 0;
        int replaced = 0;
        for (int i = 0; i < lines.size(); i++) {
            byte[] bytes = lines.get(i);
            String line = new String(bytes, StandardCharsets.UTF_8); // as BufferedReader decoded it
            ImportRecord expected = tree.parse(i + 1, line);
            assertSameRecord(streaming.parse(i + 1, bytes, 0, bytes.length), expected,
                    line.length() > 300 ? line.substring(0, 300) + "..." : line);
            entries += expected.entry() != null ? 1 : 0;
            replaced += expected.entry() != null && expected.entry().toString().contains("\uFFFD") ? 1 : 0;
        }
        assertThat(entries).as("lines read as entries").isPositive();
        assertThat(replaced).as("entries read with a replacement character").isPositive();
    }

    /**
     * Each line gives the record the tree-based reader gives, parsed from its bytes (as the import does) and from the
     * string; where the bytes are kept as the document's UTF-8, they are exactly the document's.
     */
    private void assertSameAsTree(List<String> lines, ImportReader.Options options) {
        TreeWiktextractOracle tree = new TreeWiktextractOracle(json, options);
        WiktextractReader streaming = reader(options);
        int entries = 0;
        for (int i = 0; i < lines.size(); i++) {
            byte[] bytes = lines.get(i).getBytes(StandardCharsets.UTF_8);
            String line = new String(bytes, StandardCharsets.UTF_8);
            ImportRecord expected = tree.parse(i + 1, line);
            String shown = line.length() > 300 ? line.substring(0, 300) + "..." : line;
            assertThat(streaming.parse(i + 1, line)).as(shown).isEqualTo(expected);
            assertSameRecord(streaming.parse(i + 1, bytes, 0, bytes.length), expected, shown);
            entries += expected.entry() != null ? 1 : 0;
        }
        assertThat(entries).as("lines read as entries").isPositive();
    }

    /**
     * The same record, the entry's document being its own or, where the reader kept the line as bytes only, those
     * bytes; where the bytes are kept, they are exactly the document's UTF-8.
     */
    private static void assertSameRecord(ImportRecord actual, ImportRecord expected, String line) {
        assertThat(actual.line()).as(line).isEqualTo(expected.line());
        assertThat(actual.entry() == null ? null : actual.entry().withDocument(actual.document())).as(line)
                .isEqualTo(expected.entry());
        assertThat(actual.error()).as(line).isEqualTo(expected.error());
        if (actual.documentUtf8() != null) {
            assertThat(actual.documentUtf8()).as(line).isEqualTo(actual.document().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The file is split into the lines BufferedReader.readLine gives (\n, \r\n, \r, a last line without an end, a
     * line longer than the read buffer) and malformed UTF-8 is read as the decoder replaces it, as before.
     */
    @Test
    void filesAreSplitAndDecodedAsBufferedReaderDid() throws Exception {
        List<String> real = DictionarySamples.wiktextract("de");
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> write = text -> file.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        write.accept("\uFEFF" + real.get(0) + "\n");
        write.accept(real.get(1) + "\r\n");
        write.accept(real.get(2) + "\r");
        write.accept("\r\n\n");
        write.accept("{\"word\": \"a\", \"lang_code\": \"de\"}  \n");
        write.accept("\t{\"word\": \"b\u3000\", \"lang_code\": \"de\"}\u2003\n"); // not valid: U+2003 is no JSON space
        write.accept("\t{\"word\": \"b\u3000\", \"lang_code\": \"de\"} \n");
        String longWord = "lang".repeat(40_000); // past the 64 KB read buffer
        write.accept("{\"word\": \"" + longWord + "\", \"lang_code\": \"de\", \"senses\": [{\"glosses\": [\"x\"]}]}\n");
        file.writeBytes(("{\"word\": \"ok\", \"lang_code\": \"de\", \"senses\": [{\"glosses\": [\"caf").getBytes(
                StandardCharsets.UTF_8));
        file.writeBytes(new byte[] { (byte) 0xC3, '"', ']', '}', ']', '}', '\n' }); // a broken é: decoded as U+FFFD
        file.writeBytes(new byte[] { '{', '"', 'w', 'o', 'r', 'd', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"',
                '}', '\n' }); // a surrogate in UTF-8: malformed
        file.writeBytes(new byte[] { 0, '{', '}', '\n' });
        write.accept("{\"word\": \"\uFFFD real\", \"lang_code\": \"de\"}\n");
        write.accept(real.get(3)); // no end of line
        byte[] bytes = file.toByteArray();
        for (long resumeAfter : new long[] { 0, 3 }) {
            ImportReader.Options options = new ImportReader.Options(null, "en", resumeAfter);
            TreeWiktextractOracle tree = new TreeWiktextractOracle(json, options);
            List<ImportRecord> expected = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(bytes),
                    StandardCharsets.UTF_8))) {
                String line;
                long number = 0;
                while ((line = in.readLine()) != null) {
                    if (++number > resumeAfter) {
                        expected.add(tree.parse(number, line));
                    }
                }
            }
            List<ImportRecord> actual = new ArrayList<>();
            try (WiktextractReader reader = new WiktextractReader(new ByteArrayInputStream(bytes), json, options)) {
                ImportRecord r;
                while ((r = reader.next()) != null) {
                    actual.add(r);
                }
            }
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertSameRecord(actual.get(i), expected.get(i), "record " + i);
            }
            assertThat(expected).extracting(r -> r.entry() == null ? null : r.entry().lemma())
                    .contains(longWord, "ok", "a", "b", "\uFFFD real");
        }
        assertThat(actualLemma(bytes, "ok").senses().getFirst().glosses().getFirst().text()).isEqualTo("caf\uFFFD");
    }

    private EntryDocument actualLemma(byte[] file, String lemma) throws Exception {
        try (WiktextractReader reader = new WiktextractReader(new ByteArrayInputStream(file), json, anyLanguage)) {
            ImportRecord r;
            while ((r = reader.next()) != null) {
                if (r.entry() != null && r.entry().lemma().equals(lemma)) {
                    return r.entry();
                }
            }
        }
        throw new AssertionError(lemma + " not read");
    }
}
