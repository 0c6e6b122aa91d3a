package org.glossa.practice.internal;

import java.util.List;
import java.util.UUID;

/**
 * One exercise of a session as the server keeps it, answers included. {@link #view()} is what the
 * learner sees: never the accepted answers, nor which option is right.
 *
 * @param answerLanguage the language the learner writes the answer in
 */
public record Exercise(String id, String type, List<UUID> itemIds, String prompt, String from, String to,
        List<Option> options, List<String> tiles, List<String> left, List<String> right, String audioUrl,
        List<String> accepted, String answerLanguage, String correctOption, List<Pair> solution, boolean introduces) {

    public record Option(String id, String text) {
    }

    public record Pair(String left, String right) {
    }

    public record Pairs(List<String> left, List<String> right) {
    }

    public record View(String id, String type, String prompt, String from, String to, List<Option> options,
            List<String> tiles, Pairs pairs, String audioUrl) {
    }

    public View view() {
        return new View(id, type, prompt, from, to, options, tiles, left == null ? null : new Pairs(left, right),
                audioUrl);
    }
}
