package org.glossa.generation.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The embedded default: answers every task without a language model, deterministically, from the
 * course (and dictionary notes when there are some). Its output has the same shape as the model's and
 * says plainly that it was built offline; where it cannot know something (a translation of a word the
 * course lacks), it leaves a marked gap that an editor must fill before approving.
 */
final class OfflineGenerator {

    static final String NAME = "offline";
    /** Put where only a person (or a model) can supply the text; approval refuses content that still has it. */
    static final String GAP = "[to be written by an editor]";

    private final JsonMapper json;

    OfflineGenerator(JsonMapper json) {
        this.json = json;
    }

    // ---------------------------------------------------------------- explain my answer

    String explain(Tasks.ExplainInput in) {
        StringBuilder text = new StringBuilder();
        text.append("Offline explanation (no language model is configured: this is built from the course).\n");
        text.append("Exercise (").append(in.exerciseType()).append("): ").append(in.prompt()).append('\n');
        text.append("Your answer: \"").append(in.answer().strip()).append("\"\n");
        String expected = in.expected() != null ? in.expected() : in.accepted().isEmpty() ? "" : in.accepted().getFirst();
        text.append("Accepted answer: \"").append(expected).append("\"\n");
        List<String> others = in.accepted().stream().filter(a -> !a.equals(expected)).limit(4).toList();
        if (!others.isEmpty()) {
            text.append("Also accepted: ").append(others.stream().map(a -> "\"" + a + "\"")
                    .collect(Collectors.joining(", "))).append('\n');
        }
        text.append("Verdict: ").append(in.verdict()).append(".\n");
        text.append(differences(in.answer(), expected)).append('\n');
        if (!in.dictionary().isEmpty()) {
            text.append("Words involved:\n");
            in.dictionary().forEach(note -> text.append("- ").append(note).append('\n'));
        }
        return text.toString().strip();
    }

    /** The words that differ between the answer and the expected one, aligned by their longest common run. */
    static String differences(String given, String expected) {
        List<String> a = words(given);
        List<String> b = words(expected);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = fold(a.get(i)).equals(fold(b.get(j))) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> extra = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> spelling = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && fold(a.get(i)).equals(fold(b.get(j)))) {
                if (!a.get(i).equals(b.get(j))) {
                    spelling.add("\"" + a.get(i) + "\" is written \"" + b.get(j) + "\"");
                }
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                missing.add(b.get(j++));
            } else {
                extra.add(a.get(i++));
            }
        }
        if (extra.isEmpty() && missing.isEmpty() && spelling.isEmpty()) {
            return "Your words match the accepted answer.";
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("expected but missing: " + quoted(missing));
        }
        if (!extra.isEmpty()) {
            parts.add("not in the accepted answer: " + quoted(extra));
        }
        if (!spelling.isEmpty()) {
            parts.add("accents or capitals: " + String.join(", ", spelling));
        }
        return "Words that differ: " + String.join("; ", parts) + ".";
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", "));
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.strip().split("[\\s\\p{Punct}¿¡«»“”]+")) {
            if (!token.isEmpty()) {
                words.add(token);
            }
        }
        return words;
    }

    /** Lower case without accents: how words are matched before their spelling is compared. */
    static String fold(String word) {
        return Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    // ---------------------------------------------------------------- skill drafts

    JsonNode draftSkill(Tasks.SkillDraftInput in) {
        ObjectNode draft = json.createObjectNode();
        draft.put("name", in.topic().strip());
        ArrayNode words = json.createArrayNode();
        Set<String> known = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String word : in.words()) {
            String w = word.strip();
            if (w.isEmpty() || !known.add(fold(w))) {
                continue;
            }
            Tasks.CourseWord match = in.courseWords().stream().filter(c -> !c.phrase() && fold(c.text()).equals(fold(w)))
                    .findFirst().orElse(null);
            if (match != null) {
                words.add(item(match.text(), match.translation(), match.alternatives(), match.translationAlternatives()));
            } else {
                List<String> glosses = in.glosses().getOrDefault(fold(w), List.of());
                words.add(item(w, glosses.isEmpty() ? GAP : glosses.getFirst(), List.of(),
                        glosses.size() > 1 ? glosses.subList(1, Math.min(4, glosses.size())) : List.of()));
                if (glosses.isEmpty()) {
                    unknown.add(w);
                }
            }
        }
        // A phrase uses a target word when it has one of its words of three letters or more ("café" of "el café").
        Set<String> tokens = new LinkedHashSet<>();
        known.forEach(k -> words(k).stream().filter(t -> t.length() >= 3).forEach(tokens::add));
        ArrayNode phrases = json.createArrayNode();
        in.courseWords().stream().filter(Tasks.CourseWord::phrase)
                .filter(p -> words(p.text()).stream().map(OfflineGenerator::fold).anyMatch(tokens::contains))
                .limit(8)
                .forEach(p -> phrases.add(item(p.text(), p.translation(), p.alternatives(), p.translationAlternatives())));
        StringBuilder explanation = new StringBuilder("_Offline draft: no language model is configured._ ")
                .append("Words come from this course and the dictionary; phrases are the course's own phrases that use them.");
        if (!unknown.isEmpty()) {
            explanation.append(" An editor must write the translations of ").append(String.join(", ", unknown))
                    .append(" before approval.");
        }
        draft.put("explanation", explanation.toString());
        draft.set("words", words);
        draft.set("phrases", phrases);
        return draft;
    }

    private ObjectNode item(String text, String translation, List<String> alternatives, List<String> translationAlternatives) {
        ObjectNode item = json.createObjectNode();
        item.put("text", text);
        item.put("translation", translation);
        ArrayNode alt = item.putArray("alternatives");
        alternatives.forEach(alt::add);
        ArrayNode talt = item.putArray("translationAlternatives");
        translationAlternatives.forEach(talt::add);
        return item;
    }

    // ---------------------------------------------------------------- dictionary enrichment

    JsonNode enrich(Tasks.EnrichInput in) {
        ObjectNode enrichment = json.createObjectNode();
        ArrayNode examples = enrichment.putArray("examples");
        in.coursePhrases().stream().filter(p -> words(p.text()).stream().map(OfflineGenerator::fold)
                        .anyMatch(w -> w.equals(fold(in.lemma()))))
                .limit(3).forEach(p -> examples.addObject().put("text", p.text()).put("translation", p.translation()));
        if (examples.isEmpty()) {
            examples.addObject().put("text", GAP).put("translation", GAP);
        }
        enrichment.put("mnemonic", GAP);
        String glosses = in.glosses().isEmpty() ? "" : " Meanings on record: " + String.join("; ", in.glosses()) + ".";
        enrichment.put("usageNotes", "Offline note: no language model is configured."
                + (in.partOfSpeech() == null ? "" : " Part of speech: " + in.partOfSpeech() + ".") + glosses);
        enrichment.put("cefr", cefr(in));
        return enrichment;
    }

    /** A rough level: by frequency rank when known (the most frequent 500 words A1, ...), else by length. */
    static String cefr(Tasks.EnrichInput in) {
        if (in.cefr() != null && in.cefr().matches("[ABC][12]")) {
            return in.cefr();
        }
        Integer rank = in.frequencyRank();
        if (rank != null) {
            return rank <= 500 ? "A1" : rank <= 1500 ? "A2" : rank <= 3000 ? "B1" : rank <= 5000 ? "B2" : rank <= 10000 ? "C1" : "C2";
        }
        int length = in.lemma().length();
        return length <= 4 ? "A1" : length <= 6 ? "A2" : length <= 9 ? "B1" : "B2";
    }
}
