package org.glossa.practice.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.glossa.dictionary.DictionaryEntries;
import org.glossa.dictionary.DictionaryEntry;
import org.glossa.dictionary.WordMeanings;
import org.glossa.shared.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hints for an exercise: the dictionary meanings of the prompt's words, without the answer. A gloss is
 * withheld when it, or one of its comma- or semicolon-separated parts, is an accepted answer (also
 * without a leading "the", "a", "an" or "to"), or contains a whole accepted answer. Listening and
 * matching exercises get no hints: their prompt is not the words to understand.
 */
@Service
public class Hints {

    static final int ENTRIES_PER_WORD = 3;
    static final int GLOSSES_PER_ENTRY = 4;

    private static final TypeReference<List<Exercise>> EXERCISES = new TypeReference<>() {
    };

    public record Meaning(UUID entryId, String lemma, String partOfSpeech, List<String> glosses) {
    }

    /** {@code withheld}: how many glosses were left out because they would give the answer away. */
    public record WordHint(String word, List<Meaning> meanings, int withheld) {
    }

    public record Result(String exerciseId, String language, List<WordHint> words) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DictionaryEntries dictionary;

    Hints(JdbcClient jdbc, JsonMapper json, DictionaryEntries dictionary) {
        this.jdbc = jdbc;
        this.json = json;
        this.dictionary = dictionary;
    }

    public Result forExercise(UUID userId, UUID sessionId, String exerciseId) {
        String document = jdbc.sql("select exercises from practice_session where id = :id and user_id = :user")
                .param("id", sessionId).param("user", userId).query(String.class).optional()
                .orElseThrow(() -> ApiProblem.notFound("The session"));
        Exercise exercise = json.readValue(document, EXERCISES).stream().filter(e -> e.id().equals(exerciseId))
                .findFirst().orElseThrow(() -> ApiProblem.notFound("The exercise"));
        if (exercise.type().equals("listen") || exercise.type().equals("match") || exercise.from() == null) {
            return new Result(exerciseId, exercise.from(), List.of());
        }
        Set<String> answers = answers(exercise);
        List<WordHint> words = new ArrayList<>();
        String prompt = exercise.type().equals("cloze") ? exercise.prompt().replaceAll("\\s*\\([^)]*\\)\\s*$", "")
                : exercise.prompt();
        for (WordMeanings word : dictionary.meanings(exercise.from(), prompt, ENTRIES_PER_WORD)) {
            if (word.word().chars().allMatch(c -> c == '_')) {
                continue; // the blank of a cloze
            }
            int withheld = 0;
            List<Meaning> meanings = new ArrayList<>();
            for (DictionaryEntry entry : word.entries()) {
                List<String> glosses = new ArrayList<>();
                for (String gloss : entry.glosses(20)) {
                    if (reveals(gloss, answers)) {
                        withheld++;
                    } else if (glosses.size() < GLOSSES_PER_ENTRY) {
                        glosses.add(gloss);
                    }
                }
                if (!glosses.isEmpty() && !answers.contains(dictionary.fold(entry.lemma()))) {
                    meanings.add(new Meaning(entry.id(), entry.lemma(), entry.partOfSpeech(), glosses));
                }
            }
            words.add(new WordHint(word.word(), meanings, withheld));
        }
        return new Result(exerciseId, exercise.from(), words);
    }

    /** Every accepted answer, folded, with editors' shorthand expanded and without a leading article. */
    private Set<String> answers(Exercise exercise) {
        List<String> raw = new ArrayList<>();
        if (exercise.accepted() != null) {
            raw.addAll(exercise.accepted());
        }
        if (exercise.correctOption() != null && exercise.options() != null) {
            exercise.options().stream().filter(o -> o.id().equals(exercise.correctOption()))
                    .forEach(o -> raw.add(o.text()));
        }
        Set<String> answers = new HashSet<>();
        for (String answer : raw) {
            for (String variant : List.of(answer.replaceAll("[()]", ""), answer.replaceAll("\\([^)]*\\)", ""))) {
                for (String alternative : variant.split("/")) {
                    String folded = clean(alternative);
                    if (!folded.isEmpty()) {
                        answers.add(folded);
                        answers.add(folded.replaceFirst("^(the|a|an|to) ", ""));
                    }
                }
            }
        }
        answers.remove("");
        return answers;
    }

    private boolean reveals(String gloss, Set<String> answers) {
        String whole = clean(gloss);
        if (answers.contains(whole)) {
            return true;
        }
        for (String part : gloss.split("[,;]")) {
            String folded = clean(part);
            if (answers.contains(folded) || answers.contains(folded.replaceFirst("^(the|a|an|to) ", ""))) {
                return true;
            }
        }
        String padded = " " + whole + " ";
        return answers.stream().anyMatch(a -> a.contains(" ") && padded.contains(" " + a + " "));
    }

    private String clean(String text) {
        return dictionary.fold(text.replaceAll("[\\p{P}&&[^'’-]]", " ")).replaceAll("\\s+", " ").strip();
    }
}
