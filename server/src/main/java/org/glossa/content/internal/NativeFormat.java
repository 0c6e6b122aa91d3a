package org.glossa.content.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.content.GeneratedBy;
import org.glossa.content.ItemKind;
import org.glossa.shared.validation.LanguageTag;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Glossa's own course format: one YAML document with every id, so that a course can live in version
 * control and come back exactly as it was (export, import, export gives the same text). The JSON
 * Schema is {@code /schemas/glossa-course-1.schema.json}.
 */
final class NativeFormat {

    static final String FORMAT = "glossa-course/1";

    private NativeFormat() {
    }

    static boolean looksLikeOne(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 200), java.nio.charset.StandardCharsets.UTF_8);
        return start.contains("format: " + FORMAT) || start.contains("format: '" + FORMAT + "'");
    }

    static String write(CourseDocument course) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("id", course.id().toString());
        head.put("key", course.key());
        head.put("title", course.title());
        head.put("targetLanguage", course.targetLanguage());
        head.put("sourceLanguage", course.sourceLanguage());
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("name", course.licenseName());
        license.put("shortName", course.licenseShortName());
        license.put("link", course.licenseLink());
        head.put("license", license);
        head.put("repository", course.repository());
        head.put("specialCharacters", copy(course.specialCharacters()));
        root.put("course", head);
        List<Object> sections = new ArrayList<>();
        for (CourseDocument.Section section : course.sections()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", section.id().toString());
            s.put("name", section.name());
            s.put("freelyOpen", section.freelyOpen());
            List<Object> skills = new ArrayList<>();
            for (CourseDocument.Skill skill : section.skills()) {
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("id", skill.id().toString());
                k.put("externalId", skill.externalId());
                k.put("name", skill.name());
                k.put("explanation", skill.explanation());
                k.put("thumbnails", copy(skill.thumbnails()));
                if (skill.generatedBy() != null) {
                    Map<String, Object> generated = new LinkedHashMap<>();
                    generated.put("generator", skill.generatedBy().generator());
                    generated.put("suggestionId", skill.generatedBy().suggestionId() == null ? null
                            : skill.generatedBy().suggestionId().toString());
                    k.put("generatedBy", generated);
                }
                List<Object> lessons = new ArrayList<>();
                for (CourseDocument.Lesson lesson : skill.lessons()) {
                    Map<String, Object> l = new LinkedHashMap<>();
                    l.put("id", lesson.id().toString());
                    List<Object> items = new ArrayList<>();
                    for (CourseDocument.Item item : lesson.items()) {
                        Map<String, Object> i = new LinkedHashMap<>();
                        i.put("id", item.id().toString());
                        i.put("kind", item.kind().name().toLowerCase());
                        i.put("text", item.text());
                        i.put("translation", item.translation());
                        i.put("targetAnswers", copy(item.targetAnswers()));
                        i.put("sourceAnswers", copy(item.sourceAnswers()));
                        i.put("images", copy(item.images()));
                        i.put("audio", copy(item.audio()));
                        items.add(i);
                    }
                    l.put("items", items);
                    lessons.add(l);
                }
                k.put("lessons", lessons);
                skills.add(k);
            }
            s.put("skills", skills);
            sections.add(s);
        }
        root.put("sections", sections);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(root);
    }

    /** A fresh list for each place, so that the YAML has no anchors and aliases for repeated lists. */
    private static List<String> copy(List<String> values) {
        return new ArrayList<>(values);
    }

    static CourseDocument read(String text) {
        Map<?, ?> root = TextYaml.load("course.yaml", text);
        if (!FORMAT.equals(str(root, "format", "format"))) {
            throw CourseFiles.unprocessable("Not a Glossa course: 'format' must be " + FORMAT + ".", "course.yaml", null);
        }
        Map<?, ?> head = map(root.get("course"), "course");
        Map<?, ?> license = root.get("course") instanceof Map<?, ?> c && c.get("license") instanceof Map<?, ?> l ? l : Map.of();
        List<CourseDocument.Section> sections = new ArrayList<>();
        for (Object s : list(root.get("sections"))) {
            Map<?, ?> section = map(s, "sections[]");
            List<CourseDocument.Skill> skills = new ArrayList<>();
            for (Object k : list(section.get("skills"))) {
                Map<?, ?> skill = map(k, "skills[]");
                List<CourseDocument.Lesson> lessons = new ArrayList<>();
                for (Object l : list(skill.get("lessons"))) {
                    Map<?, ?> lesson = map(l, "lessons[]");
                    List<CourseDocument.Item> items = new ArrayList<>();
                    for (Object i : list(lesson.get("items"))) {
                        Map<?, ?> item = map(i, "items[]");
                        ItemKind kind;
                        try {
                            kind = ItemKind.valueOf(str(item, "kind", "items[].kind").toUpperCase());
                        } catch (IllegalArgumentException e) {
                            throw CourseFiles.unprocessable("items[].kind must be word or phrase.", "course.yaml", null);
                        }
                        items.add(new CourseDocument.Item(uuid(item, "items[].id"), kind, str(item, "text", "items[].text"),
                                str(item, "translation", "items[].translation"), strings(item.get("targetAnswers")),
                                strings(item.get("sourceAnswers")), strings(item.get("images")),
                                strings(item.get("audio"))));
                    }
                    lessons.add(new CourseDocument.Lesson(uuid(lesson, "lessons[].id"), items));
                }
                skills.add(new CourseDocument.Skill(uuid(skill, "skills[].id"), str(skill, "externalId", "skills[].externalId"),
                        str(skill, "name", "skills[].name"), optional(skill.get("explanation")),
                        strings(skill.get("thumbnails")), lessons, generatedBy(skill.get("generatedBy"))));
            }
            sections.add(new CourseDocument.Section(uuid(section, "sections[].id"), str(section, "name", "sections[].name"),
                    Boolean.parseBoolean(String.valueOf(section.get("freelyOpen"))), skills));
        }
        String target = LanguageTag.Validator.normalize(str(head, "targetLanguage", "course.targetLanguage"));
        String source = LanguageTag.Validator.normalize(str(head, "sourceLanguage", "course.sourceLanguage"));
        if (target == null || source == null) {
            throw CourseFiles.unprocessable("course.targetLanguage and course.sourceLanguage must be BCP 47 tags.",
                    "course.yaml", null);
        }
        return new CourseDocument(uuid(head, "course.id"), str(head, "key", "course.key"), str(head, "title", "course.title"),
                target, source, optional(license.get("name")), optional(license.get("shortName")),
                optional(license.get("link")), optional(head.get("repository")), strings(head.get("specialCharacters")),
                sections);
    }

    private static Map<?, ?> map(Object value, String field) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw CourseFiles.unprocessable(field + " must be a mapping.", "course.yaml", null);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static String str(Map<?, ?> map, String key, String field) {
        Object value = map.get(key);
        if (value == null || value instanceof Map || value instanceof List || value.toString().isBlank()) {
            throw CourseFiles.unprocessable(field + " is required.", "course.yaml", null);
        }
        return value.toString();
    }

    private static String optional(Object value) {
        return value == null ? null : value.toString();
    }

    /** A skill's {@code generatedBy: {generator, suggestionId}}, absent for skills nobody generated. */
    private static GeneratedBy generatedBy(Object value) {
        if (value == null) {
            return null;
        }
        Map<?, ?> generated = map(value, "skills[].generatedBy");
        String generator = optional(generated.get("generator"));
        if (generator == null || generator.isBlank()) {
            throw CourseFiles.unprocessable("skills[].generatedBy.generator must name the generator.", "course.yaml", null);
        }
        Object suggestion = generated.get("suggestionId");
        try {
            return new GeneratedBy(generator, suggestion == null ? null : UUID.fromString(suggestion.toString()));
        } catch (IllegalArgumentException e) {
            throw CourseFiles.unprocessable("skills[].generatedBy.suggestionId must be a UUID.", "course.yaml", null);
        }
    }

    private static UUID uuid(Map<?, ?> map, String field) {
        try {
            return UUID.fromString(str(map, "id", field));
        } catch (IllegalArgumentException e) {
            throw CourseFiles.unprocessable(field + " must be a UUID.", "course.yaml", null);
        }
    }
}
