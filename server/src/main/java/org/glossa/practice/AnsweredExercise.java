package org.glossa.practice;

import java.util.List;
import java.util.UUID;

/**
 * An exercise of a learner's session as it was asked, with every accepted answer (for {@code choose}
 * the right option's text, for {@code match} the pairs as "left = right"); {@code verdict} and
 * {@code expected} (the accepted answer closest to what the learner gave) are null until it is answered.
 *
 * @param from the language of the prompt
 * @param to the language the learner answers in
 */
public record AnsweredExercise(UUID sessionId, UUID courseId, String exerciseId, String type, String prompt,
        String from, String to, List<String> accepted, List<UUID> itemIds, boolean answered, String verdict,
        String expected) {
}
