package org.glossa.dictionary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real dictionary samples in ../shared/data/dictionaries. Tests that need them are skipped, with
 * the reason printed, where they are absent (set GLOSSA_SHARED_DATA to the data folder when the checkout
 * is not beside it). Each test gives the real lines private-use language codes
 * of its own (q + a letter + one letter per language), so that tests sharing a database never see each
 * other's entries.
 */
public final class DictionarySamples {

    private DictionarySamples() {
    }

    public static Path directory() {
        String configured = System.getenv("GLOSSA_SHARED_DATA"); // the shared data folder, where the checkout is elsewhere
        if (configured != null && Files.isDirectory(Path.of(configured, "dictionaries", "wiktextract"))) {
            return Path.of(configured, "dictionaries");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (String relative : List.of("shared/data/dictionaries", "../shared/data/dictionaries")) {
                Path candidate = dir.resolve(relative).normalize();
                if (Files.isDirectory(candidate.resolve("wiktextract"))) {
                    return candidate;
                }
            }
        }
        System.err.println("SKIPPED: ../shared/data/dictionaries is absent; the dictionary import tests need it");
        Assumptions.abort("../shared/data/dictionaries is absent; the dictionary import tests need it");
        return null;
    }

    public static Path librelingo() {
        Path course = directory().resolve("../librelingo/spanish-from-english").normalize();
        if (!Files.isDirectory(course)) {
            System.err.println("SKIPPED: ../shared/data/librelingo is absent; the mini-dictionary test needs it");
            Assumptions.abort("../shared/data/librelingo is absent; the mini-dictionary test needs it");
        }
        return course;
    }

    /** The real lines of one sample file, e.g. {@code es}. */
    public static List<String> wiktextract(String language) {
        try {
            return Files.readAllLines(directory().resolve("wiktextract/" + language + "-en-extract.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every real line of every sample file, files sorted by name. */
    public static List<String> allWiktextract() {
        try (Stream<Path> files = Files.list(directory().resolve("wiktextract"))) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines with their {@code lang_code} replaced by private-use codes {@code q<letter><x>-x-<run>}; {@code codes}
     * receives the mapping from the real code to the private one.
     */
    public static List<String> relabel(List<String> lines, char letter, Map<String, String> codes) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> map = codes == null ? new HashMap<>() : codes;
        String run = run();
        return lines.stream().map(line -> {
            ObjectNode node = (ObjectNode) json.readTree(line);
            String real = node.get("lang_code").asString();
            String code = map.computeIfAbsent(real, r -> "q" + letter + (char) ('a' + map.size()) + run);
            node.put("lang_code", code);
            return json.writeValueAsString(node);
        }).toList();
    }

    /**
     * A private-use suffix ({@code -x-} and 8 random characters) unique to one call: the same test run twice
     * on one PostgreSQL database still sees fresh languages.
     */
    public static String run() {
        return "-x-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    public static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
