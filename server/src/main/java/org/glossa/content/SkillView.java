package org.glossa.content;

import java.util.List;
import java.util.UUID;

/** A skill with its explanation (Markdown) and lessons; {@code generatedBy} is null unless a generator drafted it. */
public record SkillView(UUID id, UUID courseId, String name, String explanation, List<String> thumbnails,
        List<UUID> lessonIds, GeneratedBy generatedBy) {
}
