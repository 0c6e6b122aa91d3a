package org.glossa.dictionary.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.glossa.dictionary.EntryDocument;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.ProblemKind;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mini-dictionaries of a LibreLingo course ({@code Mini-dictionary} in each skill file: for the
 * course's language and for its learners' language, a list of {@code headword: definition(s)}). A
 * headword's definitions from every skill are gathered into one entry, so that importing the course
 * again changes nothing; records are numbered in the order headwords first appear, skill files sorted by
 * path. Reads the course folder or a zip of it (course.yaml at the root or in one top folder).
 */
final class LibreLingoReader implements ImportReader {

    private static final long MAX_YAML = 20L * 1024 * 1024;

    @Component
    static class Factory {

        private final JsonMapper json;

        Factory(JsonMapper json) {
            this.json = json;
        }

        LibreLingoReader folderOrZip(Path path, Options options) throws IOException {
            if (Files.isRegularFile(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    return zip(in, options);
                }
            }
            Map<String, String> yaml = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(path, 4)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    yaml.put(path.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                }
            }
            return new LibreLingoReader(yaml, json, options);
        }

        LibreLingoReader zip(InputStream in, Options options) throws IOException {
            Map<String, String> yaml = new TreeMap<>();
            long total = 0;
            try (ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (!entry.isDirectory() && entry.getName().endsWith(".yaml")) {
                        byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_YAML - total + 1));
                        total += bytes.length;
                        if (total > MAX_YAML) {
                            throw ApiProblem.of(ProblemKind.UNPROCESSABLE, "The course's YAML files are larger than 20 MB.");
                        }
                        yaml.put(entry.getName(), new String(bytes, StandardCharsets.UTF_8));
                    }
                }
            }
            // course.yaml may sit in one top folder: strip it.
            String prefix = yaml.keySet().stream().filter(k -> k.endsWith("course.yaml"))
                    .min((a, b) -> Integer.compare(a.length(), b.length())).map(k -> k.substring(0, k.length() - 11))
                    .orElse("");
            Map<String, String> rooted = new TreeMap<>();
            yaml.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    rooted.put(k.substring(prefix.length()), v);
                }
            });
            return new LibreLingoReader(rooted, json, options);
        }
    }

    private final Iterator<ImportRecord> records;
    private final String license;
    private final String source;

    private LibreLingoReader(Map<String, String> files, JsonMapper json, Options options) {
        String courseYaml = files.get("course.yaml");
        if (courseYaml == null) {
            throw ApiProblem.of(ProblemKind.UNPROCESSABLE, "Not a LibreLingo course: there is no course.yaml.");
        }
        Map<?, ?> course = map(load(courseYaml, "course.yaml").get("Course"));
        Map<?, ?> target = map(course.get("Language"));
        Map<?, ?> learners = map(course.get("For speakers of"));
        String targetName = string(target.get("Name"));
        String targetCode = string(target.get("IETF BCP 47"));
        String sourceName = string(learners.get("Name"));
        String sourceCode = string(learners.get("IETF BCP 47"));
        if (targetName == null || targetCode == null || sourceName == null || sourceCode == null) {
            throw ApiProblem.of(ProblemKind.UNPROCESSABLE,
                    "course.yaml must name the course's Language and For speakers of, each with Name and IETF BCP 47.");
        }
        this.license = string(map(course.get("License")).get("Short name"));
        String repository = string(course.get("Repository"));
        String folder = repository != null ? repository.replaceAll("/+$", "").replaceAll(".*/", "")
                : targetCode + "-from-" + sourceCode;
        this.source = ("librelingo:" + folder).length() > 100 ? ("librelingo:" + folder).substring(0, 100) : "librelingo:" + folder;
        // headword key (language + headword) -> definitions, in first-appearance order
        Map<String, Set<String>> definitions = new LinkedHashMap<>();
        Map<String, List<String>> skills = new LinkedHashMap<>();
        List<ImportRecord> bad = new ArrayList<>();
        long[] number = {0};
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().contains("skills/")) {
                continue;
            }
            Map<?, ?> skill;
            try {
                skill = load(file.getValue(), file.getKey());
            } catch (ApiProblem e) {
                bad.add(ImportRecord.bad(0, e.detail()));
                continue;
            }
            Map<?, ?> mini = map(skill.get("Mini-dictionary"));
            for (Map.Entry<?, ?> byLanguage : mini.entrySet()) {
                String name = string(byLanguage.getKey());
                String language = name == null ? null : name.equalsIgnoreCase(targetName) ? targetCode
                        : name.equalsIgnoreCase(sourceName) ? sourceCode : null;
                if (language == null) {
                    bad.add(ImportRecord.bad(0, file.getKey() + ": the mini-dictionary language '" + name
                            + "' is neither " + targetName + " nor " + sourceName));
                    continue;
                }
                for (Object item : list(byLanguage.getValue())) {
                    for (Map.Entry<?, ?> pair : map(item).entrySet()) {
                        String headword = string(pair.getKey());
                        if (headword == null) {
                            continue;
                        }
                        String key = language + '\u001f' + headword.strip();
                        Set<String> defs = definitions.computeIfAbsent(key, k -> new LinkedHashSet<>());
                        for (Object definition : list(pair.getValue())) {
                            String text = string(definition);
                            if (text != null) {
                                defs.add(text.strip().replaceAll("\\s+", " "));
                            }
                        }
                        skills.computeIfAbsent(key, k -> new ArrayList<>()).add(file.getKey());
                    }
                }
            }
        }
        List<ImportRecord> all = new ArrayList<>(bad.size() + definitions.size());
        for (ImportRecord b : bad) {
            all.add(ImportRecord.bad(++number[0], b.error()));
        }
        definitions.forEach((key, defs) -> {
            long line = ++number[0];
            String language = key.substring(0, key.indexOf('\u001f'));
            String headword = key.substring(key.indexOf('\u001f') + 1);
            String glossLanguage = language.equals(targetCode) ? sourceCode : targetCode;
            if (options.language() != null && !options.language().equalsIgnoreCase(language)) {
                all.add(ImportRecord.skip(line));
                return;
            }
            if (defs.isEmpty()) {
                all.add(ImportRecord.bad(line, skills.get(key).getFirst() + ": '" + headword + "' has no definition"));
                return;
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("headword", headword);
            document.put("language", language);
            document.put("definitions", List.copyOf(defs));
            document.put("skills", skills.get(key).stream().distinct().toList());
            List<EntryDocument.Gloss> glosses = defs.stream().map(d -> new EntryDocument.Gloss(glossLanguage, d)).toList();
            all.add(ImportRecord.entry(line, new EntryDocument(language, headword, null, null, null, List.of(), List.of(),
                    List.of(new EntryDocument.Sense(glosses, List.of(), List.of())), List.of(), null, null,
                    json.writeValueAsString(document))));
        });
        this.records = all.stream().filter(r -> r.line() > options.resumeAfter()).iterator();
    }

    /** The course's license (short name), for imports that do not name one. */
    String license() {
        return license;
    }

    /** {@code librelingo:<course folder>}, the default source of what it imports. */
    String source() {
        return source;
    }

    @Override
    public ImportRecord next() {
        return records.hasNext() ? records.next() : null;
    }

    @Override
    public void close() {
    }

    private static Map<?, ?> load(String content, String path) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(50);
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, textOnly);
        try {
            Object loaded = yaml.load(content);
            return loaded instanceof Map<?, ?> m ? m : Map.of();
        } catch (YAMLException e) {
            throw ApiProblem.of(ProblemKind.UNPROCESSABLE, path + " is not valid YAML.");
        }
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
    }

    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
