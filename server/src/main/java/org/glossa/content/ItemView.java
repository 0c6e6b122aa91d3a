package org.glossa.content;

import java.util.List;
import java.util.UUID;

/**
 * A word or phrase of a course. {@code text} is in the target language, {@code translation} in the
 * learner's language; the answer lists hold every accepted way to write each, first the main one,
 * possibly with editor shorthand (slashes, optional parts in parentheses).
 */
public record ItemView(UUID id, UUID courseId, UUID skillId, UUID lessonId, ItemKind kind, String text,
        String translation, List<String> targetAnswers, List<String> sourceAnswers, List<String> images,
        List<String> audio) {
}
