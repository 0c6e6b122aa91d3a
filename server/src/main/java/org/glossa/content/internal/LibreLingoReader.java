package org.glossa.content.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glossa.content.ItemKind;
import org.glossa.shared.validation.LanguageTag;

/**
 * Reads a course in LibreLingo's YAML layout ({@code course.yaml}, {@code <module>/module.yaml},
 * {@code <module>/skills/<skill>.yaml} and its {@code .md} explanation), coping with real files:
 * YAML 1.1 words such as {@code on}, {@code yes} and {@code no} stay words, a single string where a
 * list belongs is a list of one, missing lists are empty, and a repeated key keeps its last value
 * with a warning. Problems that make the course unusable are 422 problems naming the file and line.
 */
final class LibreLingoReader {

    private final CourseFiles files;
    private final List<String> warnings = new ArrayList<>();

    private LibreLingoReader(CourseFiles files) {
        this.files = files;
    }

    static ParsedCourse read(CourseFiles files) {
        return new LibreLingoReader(files).course();
    }

    private ParsedCourse course() {
        Map<?, ?> root = load("course.yaml");
        Map<?, ?> course = map(root.get("Course"));
        if (course.isEmpty()) {
            throw CourseFiles.unprocessable("course.yaml has no 'Course' section.", "course.yaml", null);
        }
        Map<?, ?> language = map(course.get("Language"));
        Map<?, ?> speakers = map(course.get("For speakers of"));
        String target = languageTag(language, "Course.Language");
        String source = languageTag(speakers, "Course.For speakers of");
        Map<?, ?> license = map(course.get("License"));
        String repository = text(course.get("Repository"));
        String title = text(language.get("Name")) + " for " + text(speakers.get("Name")) + " speakers";

        List<ParsedCourse.Section> sections = new ArrayList<>();
        List<String> modules = strings(root.get("Modules"));
        if (modules.isEmpty()) {
            throw CourseFiles.unprocessable("course.yaml lists no Modules.", "course.yaml", null);
        }
        Set<String> skillIds = new HashSet<>();
        for (String module : modules) {
            sections.add(section(module.endsWith("/") ? module : module + "/", skillIds));
        }
        String key = "librelingo:" + target + ":" + source + ":" + (repository.isEmpty() ? title : repository);
        return new ParsedCourse(key, title, target, source, nullIfEmpty(text(license.get("Name"))),
                nullIfEmpty(text(license.get("Short name"))), nullIfEmpty(text(license.get("Link"))),
                nullIfEmpty(repository), strings(course.get("Special characters")), sections, List.copyOf(warnings));
    }

    private ParsedCourse.Section section(String folder, Set<String> skillIds) {
        String file = folder + "module.yaml";
        if (!files.has(file)) {
            throw CourseFiles.unprocessable("course.yaml lists the module '" + folder + "', but " + file + " is missing.",
                    file, null);
        }
        Map<?, ?> module = load(file);
        String name = text(map(module.get("Module")).get("Name"));
        if (name.isEmpty()) {
            name = folder.substring(0, folder.length() - 1);
            warnings.add(file + ": the module has no Name; using '" + name + "'");
        }
        List<ParsedCourse.Skill> skills = new ArrayList<>();
        for (String skillFile : strings(module.get("Skills"))) {
            String path = folder + "skills/" + skillFile;
            if (!files.has(path)) {
                throw CourseFiles.unprocessable(file + " lists the skill '" + skillFile + "', but " + path + " is missing.",
                        path, null);
            }
            ParsedCourse.Skill skill = skill(path);
            if (!skillIds.add(skill.externalId())) {
                throw CourseFiles.unprocessable("The skill Id '" + skill.externalId() + "' in " + path
                        + " is used by another skill too.", path, null);
            }
            skills.add(skill);
        }
        return new ParsedCourse.Section(folder.substring(0, folder.length() - 1), name, skills);
    }

    private ParsedCourse.Skill skill(String path) {
        Map<?, ?> root = load(path);
        Map<?, ?> skill = map(root.get("Skill"));
        String name = text(skill.get("Name"));
        String id = text(skill.get("Id"));
        if (name.isEmpty() || id.isEmpty()) {
            throw CourseFiles.unprocessable(path + ": a skill needs a Name and an Id.", path, null);
        }
        String explanation = files.text(path.substring(0, path.length() - ".yaml".length()) + ".md").orElse(null);
        List<ParsedCourse.Item> items = new ArrayList<>();
        int position = 0;
        for (Object entry : list(root.get("New words"))) {
            position++;
            Map<?, ?> word = map(entry);
            String text = text(word.get("Word"));
            String translation = text(word.get("Translation"));
            if (text.isEmpty() || translation.isEmpty()) {
                warnings.add(path + ": new word " + position + " has no Word or Translation and was left out");
                continue;
            }
            items.add(new ParsedCourse.Item(ItemKind.WORD, text, translation,
                    answers(text, word.get("Synonyms"), word.get("Alternative versions")),
                    answers(translation, word.get("Also accepted"), word.get("Alternative translations")),
                    strings(word.get("Images"))));
        }
        position = 0;
        for (Object entry : list(root.get("Phrases"))) {
            position++;
            Map<?, ?> phrase = map(entry);
            String text = text(phrase.get("Phrase"));
            String translation = text(phrase.get("Translation"));
            if (text.isEmpty() || translation.isEmpty()) {
                warnings.add(path + ": phrase " + position + " has no Phrase or Translation and was left out");
                continue;
            }
            items.add(new ParsedCourse.Item(ItemKind.PHRASE, text, translation,
                    answers(text, phrase.get("Alternative versions"), phrase.get("Synonyms")),
                    answers(translation, phrase.get("Alternative translations"), phrase.get("Also accepted")),
                    strings(phrase.get("Images"))));
        }
        if (items.isEmpty()) {
            warnings.add(path + ": the skill '" + name + "' has no words or phrases");
        }
        return new ParsedCourse.Skill(id, name, explanation, strings(skill.get("Thumbnails")), items);
    }

    private List<String> answers(String main, Object... alternatives) {
        Set<String> answers = new LinkedHashSet<>();
        answers.add(main);
        for (Object alternative : alternatives) {
            answers.addAll(strings(alternative));
        }
        return List.copyOf(answers);
    }

    private String languageTag(Map<?, ?> language, String field) {
        String tag = text(language.get("IETF BCP 47"));
        String normalized = tag.isEmpty() ? null : LanguageTag.Validator.normalize(tag);
        if (normalized == null) {
            throw CourseFiles.unprocessable("course.yaml: " + field + " needs an 'IETF BCP 47' language tag, found '"
                    + tag + "'.", "course.yaml", null);
        }
        return normalized;
    }

    private Map<?, ?> load(String path) {
        String content = files.text(path)
                .orElseThrow(() -> CourseFiles.unprocessable(path + " is missing.", path, null));
        return TextYaml.load(path, content, warnings);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? l : List.of(value);
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(LibreLingoReader::text).filter(s -> !s.isEmpty()).toList();
    }

    /** Text as a person wrote it: NFC, stray spaces collapsed. */
    static String text(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return "";
        }
        return Normalizer.normalize(value.toString(), Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
