package org.glossa.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.glossa.content.GeneratedBy;
import org.glossa.content.ItemKind;

/**
 * A whole course with every id, as stored and as written in Glossa's own YAML format: what an import
 * stores and an export produces. LibreLingo courses become one by {@link #fromLibreLingo}.
 */
record CourseDocument(UUID id, String key, String title, String targetLanguage, String sourceLanguage,
        String licenseName, String licenseShortName, String licenseLink, String repository,
        List<String> specialCharacters, List<Section> sections) {

    record Section(UUID id, String name, boolean freelyOpen, List<Skill> skills) {
    }

    /** {@code generatedBy} is null unless a generator drafted the skill. */
    record Skill(UUID id, String externalId, String name, String explanation, List<String> thumbnails,
            List<Lesson> lessons, GeneratedBy generatedBy) {
    }

    record Lesson(UUID id, List<Item> items) {
    }

    record Item(UUID id, ItemKind kind, String text, String translation, List<String> targetAnswers,
            List<String> sourceAnswers, List<String> images, List<String> audio) {
    }

    /**
     * Gives a LibreLingo course its ids, derived from the course id and the ids its files give, and
     * groups each skill's items into lessons of {@code lessonSize} (a short last group joins the one
     * before).
     */
    static CourseDocument fromLibreLingo(ParsedCourse course, UUID courseId, int lessonSize) {
        List<Section> sections = new ArrayList<>();
        for (ParsedCourse.Section section : course.sections()) {
            List<Skill> skills = new ArrayList<>();
            for (ParsedCourse.Skill skill : section.skills()) {
                UUID skillId = CourseStore.derived(courseId, "skill", skill.externalId());
                List<Lesson> lessons = new ArrayList<>();
                List<List<ParsedCourse.Item>> groups = groups(skill.items(), Math.max(2, lessonSize));
                java.util.Set<UUID> itemIds = new java.util.HashSet<>();
                for (int l = 0; l < groups.size(); l++) {
                    List<Item> items = new ArrayList<>();
                    for (ParsedCourse.Item item : groups.get(l)) {
                        UUID itemId = CourseStore.derived(skillId, item.kind().name(), item.text());
                        for (int n = 2; !itemIds.add(itemId); n++) {
                            itemId = CourseStore.derived(skillId, item.kind().name(), item.text() + "#" + n);
                        }
                        items.add(new Item(itemId, item.kind(), item.text(), item.translation(), item.targetAnswers(),
                                item.sourceAnswers(), item.images(), List.of()));
                    }
                    lessons.add(new Lesson(CourseStore.derived(skillId, "lesson", Integer.toString(l + 1)), items));
                }
                skills.add(new Skill(skillId, skill.externalId(), skill.name(), skill.explanation(), skill.thumbnails(),
                        lessons, null));
            }
            sections.add(new Section(CourseStore.derived(courseId, "section", section.key()), section.name(), false,
                    skills));
        }
        return new CourseDocument(courseId, course.key(), course.title(), course.targetLanguage(), course.sourceLanguage(),
                course.licenseName(), course.licenseShortName(), course.licenseLink(), course.repository(),
                course.specialCharacters(), sections);
    }

    private static List<List<ParsedCourse.Item>> groups(List<ParsedCourse.Item> items, int size) {
        List<List<ParsedCourse.Item>> groups = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            groups.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + size))));
        }
        if (groups.size() > 1 && groups.getLast().size() < (size + 1) / 2) {
            groups.get(groups.size() - 2).addAll(groups.removeLast());
        }
        return groups;
    }

    long count(ItemKind kind) {
        return sections.stream().flatMap(s -> s.skills().stream()).flatMap(s -> s.lessons().stream())
                .flatMap(l -> l.items().stream()).filter(i -> i.kind() == kind).count();
    }

    int skillCount() {
        return sections.stream().mapToInt(s -> s.skills().size()).sum();
    }
}
