package org.glossa.answers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The real LibreLingo courses in {@code shared/data/librelingo}, read as far as answer checking needs: every new word
 * and phrase with its accepted answers in both directions. Copes with the files' messiness: every scalar is text (YAML
 * 1.1 {@code on}, {@code yes}, {@code no} are words), a single string where a list belongs is a list of one, empty or
 * missing lists are empty, repeated keys keep the last value.
 */
final class LibreLingoCourses {

    /** A course: its languages (BCP 47) and its items in file order. */
    record Course(String name, String target, String source, List<Item> items) {

        /** Every word of every answer written in the target language (or the source one): the course vocabulary. */
        Set<String> vocabulary(boolean targetLanguage) {
            Set<String> words = new LinkedHashSet<>();
            for (Item item : items) {
                for (String answer : targetLanguage ? item.target() : item.source()) {
                    for (String expanded : AnswerChecker.expand(answer)) {
                        words.addAll(List.of(expanded.split("\\s+")));
                    }
                }
            }
            return words;
        }
    }

    /**
     * A new word or phrase.
     *
     * @param target what is accepted when translating into the course's language: Word/Phrase, Synonyms, Alternative
     *               versions
     * @param source what is accepted when translating into the learner's language: Translation, Also accepted,
     *               Alternative translations
     */
    record Item(String where, List<String> target, List<String> source) {
    }

    private LibreLingoCourses() {
    }

    /**
     * The data folder, found by walking up from the working directory to a {@code shared/data/librelingo} folder.
     */
    static Optional<Path> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/librelingo");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<Course> load(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(dir -> Files.isRegularFile(dir.resolve("course.yaml"))).sorted()
                    .map(LibreLingoCourses::course).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Course course(Path dir) {
        Map<String, Object> file = map(read(dir.resolve("course.yaml")));
        Map<String, Object> course = map(file.get("Course"));
        String target = text(map(course.get("Language")).get("IETF BCP 47"));
        String source = text(map(course.get("For speakers of")).get("IETF BCP 47"));
        List<Item> items = new ArrayList<>();
        for (String module : list(file.get("Modules"))) {
            Path moduleDir = dir.resolve(module);
            for (String skill : list(map(read(moduleDir.resolve("module.yaml"))).get("Skills"))) {
                Map<String, Object> skillFile = map(read(moduleDir.resolve("skills").resolve(skill)));
                String where = dir.getFileName() + "/" + module.replace("/", "") + "/" + skill;
                for (Object entry : objects(skillFile.get("New words"))) {
                    items.add(item(where, map(entry), "Word", target));
                }
                for (Object entry : objects(skillFile.get("Phrases"))) {
                    items.add(item(where, map(entry), "Phrase", target));
                }
            }
        }
        return new Course(dir.getFileName().toString(), target, source, List.copyOf(items));
    }

    /**
     * An item's answers. {@code Also accepted} is meant for the learner's language, but in the Bangla course editors
     * also put Bangla variants there (হাঁসটি beside হাঁসটা): an entry written in the target language's own script
     * counts for the target direction. {@code Alternative:} (one Spanish phrase) is read as Alternative versions.
     */
    private static Item item(String where, Map<String, Object> entry, String key, String language) {
        List<String> target = new ArrayList<>(list(entry.get(key)));
        target.addAll(list(entry.get("Synonyms")));
        target.addAll(list(entry.get("Alternative versions")));
        target.addAll(list(entry.get("Alternative")));
        List<String> source = new ArrayList<>(list(entry.get("Translation")));
        for (String also : list(entry.get("Also accepted"))) {
            (inNonLatinScript(also) && !language.equals("en") ? target : source).add(also);
        }
        source.addAll(list(entry.get("Alternative translations")));
        return new Item(where + ": " + (target.isEmpty() ? "?" : target.getFirst()), List.copyOf(target),
                List.copyOf(source));
    }

    private static boolean inNonLatinScript(String text) {
        return text.codePoints().filter(Character::isLetter)
                .anyMatch(cp -> Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN);
    }

    private static Object read(Path file) {
        // No implicit resolvers: every scalar stays text, so `no` is the word, not false, and `14` is "14".
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
            }
        };
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, textOnly);
        try (Reader reader = Files.newBufferedReader(file)) {
            return yaml.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<Object> objects(Object value) {
        return value instanceof Collection<?> collection ? List.copyOf(collection) : List.of();
    }

    /** A list of strings, from a list, a single string (a list of one) or nothing (empty). */
    private static List<String> list(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(LibreLingoCourses::text).filter(s -> !s.isBlank()).toList();
        }
        String text = text(value);
        return text.isBlank() ? List.of() : List.of(text);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
