package org.glossa.practice.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.glossa.answers.AnswerChecker;
import org.glossa.content.ItemView;
import org.springframework.stereotype.Component;

/**
 * One answer checker per course and language, knowing the course's vocabulary in that language so
 * that a "typo" which spells another word of the course counts as wrong.
 */
@Component
class AnswerCheckers {

    private final Cache<String, AnswerChecker> checkers = Caffeine.newBuilder()
            .maximumSize(500).expireAfterAccess(Duration.ofHours(6)).build();

    /** The course's items are read only when no checker for this course version and language is cached. */
    AnswerChecker forCourse(UUID courseId, int version, String language, boolean targetLanguage,
            Supplier<List<ItemView>> items) {
        return checkers.get(courseId + "/" + version + "/" + language + "/" + targetLanguage, key -> {
            // The checker reads each entry into words and normalizes them itself.
            Set<String> vocabulary = new HashSet<>();
            for (ItemView item : items.get()) {
                for (String answer : targetLanguage ? item.targetAnswers() : item.sourceAnswers()) {
                    vocabulary.addAll(AnswerChecker.expand(answer));
                }
            }
            return new AnswerChecker(language, vocabulary);
        });
    }
}
