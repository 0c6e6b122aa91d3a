package org.glossa.content;

import java.util.List;
import java.util.UUID;

/** A course's path: its sections in order, each with its skills in order, each with its lessons. */
public record CourseOutline(CourseSummary course, List<String> specialCharacters, List<Section> sections) {

    public record Section(UUID id, String name, int position, boolean freelyOpen, List<Skill> skills) {
    }

    public record Skill(UUID id, String name, int position, List<String> thumbnails, List<UUID> lessonIds) {
    }
}
