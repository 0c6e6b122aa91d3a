package org.glossa.content;

import java.util.List;
import java.util.UUID;

/** A lesson: a small group of a skill's items, taught and tested together. */
public record LessonView(UUID id, UUID courseId, UUID skillId, int position, List<ItemView> items) {
}
