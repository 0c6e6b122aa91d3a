package org.glossa.practice.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
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

    AnswerChecker forCourse(UUID courseId, int version, String language, boolean targetLanguage, List<ItemView> items) {
        return checkers.get(courseId + "/" + version + "/" + language + "/" + targetLanguage, key -> {
            Set<String> vocabulary = new HashSet<>();
            for (ItemView item : items) {
                for (String answer : targetLanguage ? item.targetAnswers() : item.sourceAnswers()) {
                    for (String expanded : AnswerChecker.expand(answer)) {
                        for (String word : expanded.split("\\s+")) {
                            String bare = Normalizer.normalize(word, Normalizer.Form.NFC)
                                    .replaceAll("^[\\p{Punct}¿¡]+|[\\p{Punct}¿¡]+$", "")
                                    .toLowerCase(Locale.forLanguageTag(language));
                            if (!bare.isEmpty()) {
                                vocabulary.add(bare);
                            }
                        }
                    }
                }
            }
            return new AnswerChecker(language, vocabulary);
        });
    }
}
