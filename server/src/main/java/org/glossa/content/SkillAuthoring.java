package org.glossa.content;

import java.util.List;
import java.util.UUID;

/**
 * Adds reviewed material to a course for other modules (generated skill drafts, once an editor
 * approved them), exactly as the authoring API would: every change is a new version of the course.
 */
public interface SkillAuthoring {

    /** A word or phrase: text in the target language, translation in the learner's, and their alternatives. */
    record NewItem(ItemKind kind, String text, String translation, List<String> targetAnswers,
            List<String> sourceAnswers) {
    }

    /**
     * Adds a skill with its items at the end of {@code sectionId}, or of the course's last section when it
     * is null (a new section named after the skill when the course has none), recording what generated it.
     * Returns the skill's id.
     */
    UUID addSkill(UUID courseId, UUID sectionId, String name, String explanation, List<NewItem> items,
            GeneratedBy generatedBy);
}
