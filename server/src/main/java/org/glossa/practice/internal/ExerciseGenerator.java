package org.glossa.practice.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.glossa.content.ItemKind;
import org.glossa.content.ItemView;

/**
 * Builds a session's exercises from its items, deterministically from a seed: each new item is first
 * shown in a {@code choose} exercise (its translation among options from the same course), then
 * tested by typing, arranging tiles, filling a blank or, where a recording exists, typing what it
 * says; four or five words close the session in a {@code match}.
 * Sessions have 10 to 15 exercises where the items allow it.
 */
final class ExerciseGenerator {

    static final int MIN = 10;
    static final int MAX = 15;

    private final String target;
    private final String source;
    private final List<ItemView> course;

    ExerciseGenerator(String target, String source, List<ItemView> course) {
        this.target = target;
        this.source = source;
        this.course = course;
    }

    List<Exercise> generate(List<ItemView> items, boolean introduce, long seed) {
        Random random = new Random(seed);
        List<Exercise> intros = new ArrayList<>();
        List<Exercise> tests = new ArrayList<>();
        List<Exercise> extras = new ArrayList<>();
        for (ItemView item : items) {
            if (introduce) {
                intros.add(choose(item, random));
            }
            if (item.kind() == ItemKind.PHRASE && item.translation().split(" ").length >= 2) {
                tests.add(arrange(item, random));
                extras.add(translateIntoTarget(item));
                if (item.text().split(" ").length >= 2) {
                    extras.add(cloze(item));
                }
            } else {
                tests.add(translateIntoTarget(item));
                extras.add(translateIntoSource(item));
            }
            if (!item.audio().isEmpty()) {
                extras.addFirst(listen(item));
            }
        }
        List<ItemView> words = items.stream().filter(i -> i.kind() == ItemKind.WORD).limit(5).toList();
        Exercise match = words.size() >= 4 ? match(words, random) : null;

        int reserved = match == null ? 0 : 1;
        List<Exercise> chosen = new ArrayList<>(intros);
        chosen.addAll(tests);
        // A couple of extra exercises for variety, and as many as it takes to reach the minimum.
        int goal = Math.min(MAX, Math.max(MIN, chosen.size() + reserved + 2));
        // Listening comes first among the extras where there is audio; the rest in random order.
        List<Exercise> listening = extras.stream().filter(e -> e.type().equals("listen")).toList();
        List<Exercise> others = new ArrayList<>(extras.stream().filter(e -> !e.type().equals("listen")).toList());
        Collections.shuffle(others, random);
        extras = new ArrayList<>(listening);
        extras.addAll(others);
        for (Exercise extra : extras) {
            if (chosen.size() + reserved >= goal) {
                break;
            }
            chosen.add(extra);
        }
        if (chosen.size() + reserved > MAX) {
            chosen = new ArrayList<>(chosen.subList(0, MAX - reserved));
        }
        Collections.shuffle(chosen, random);
        List<Exercise> ordered = introducedFirst(chosen);
        if (match != null) {
            ordered.add(match);
        }
        List<Exercise> numbered = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Exercise e = ordered.get(i);
            numbered.add(new Exercise("e" + (i + 1), e.type(), e.itemIds(), e.prompt(), e.from(), e.to(), e.options(),
                    e.tiles(), e.left(), e.right(), e.audioUrl(), e.accepted(), e.answerLanguage(), e.correctOption(),
                    e.solution(), e.introduces()));
        }
        return numbered;
    }

    /** Moves each item's introduction before the first exercise that tests it. */
    private static List<Exercise> introducedFirst(List<Exercise> shuffled) {
        List<Exercise> ordered = new ArrayList<>();
        Set<UUID> introduced = new HashSet<>();
        List<Exercise> pendingIntros = shuffled.stream().filter(Exercise::introduces).toList();
        for (Exercise exercise : shuffled) {
            if (exercise.introduces()) {
                if (introduced.add(exercise.itemIds().getFirst())) {
                    ordered.add(exercise);
                }
                continue;
            }
            for (UUID item : exercise.itemIds()) {
                if (!introduced.contains(item)) {
                    pendingIntros.stream().filter(i -> i.itemIds().getFirst().equals(item)).findFirst()
                            .ifPresent(intro -> {
                                introduced.add(item);
                                ordered.add(intro);
                            });
                }
            }
            ordered.add(exercise);
        }
        return ordered;
    }

    private Exercise choose(ItemView item, Random random) {
        List<String> options = new ArrayList<>();
        options.add(item.translation());
        List<String> pool = new ArrayList<>(course.stream().filter(i -> i.kind() == item.kind())
                .map(ItemView::translation).filter(t -> !item.sourceAnswers().contains(t)).distinct().toList());
        if (pool.size() < 3) {
            pool = new ArrayList<>(course.stream().map(ItemView::translation)
                    .filter(t -> !item.sourceAnswers().contains(t)).distinct().toList());
        }
        Collections.shuffle(pool, random);
        options.addAll(pool.subList(0, Math.min(3, pool.size())));
        Collections.shuffle(options, random);
        List<Exercise.Option> labelled = new ArrayList<>();
        String correct = null;
        for (int i = 0; i < options.size(); i++) {
            String id = String.valueOf((char) ('a' + i));
            labelled.add(new Exercise.Option(id, options.get(i)));
            if (options.get(i).equals(item.translation())) {
                correct = id;
            }
        }
        return new Exercise(null, "choose", List.of(item.id()), item.text(), target, source, labelled, null, null,
                null, null, null, source, correct, null, true);
    }

    private Exercise translateIntoTarget(ItemView item) {
        return new Exercise(null, "translate", List.of(item.id()), item.translation(), source, target, null, null,
                null, null, null, item.targetAnswers(), target, null, null, false);
    }

    private Exercise translateIntoSource(ItemView item) {
        return new Exercise(null, "translate", List.of(item.id()), item.text(), target, source, null, null, null, null,
                null, item.sourceAnswers(), source, null, null, false);
    }

    /** Type what you hear: only for items with a recording. */
    private Exercise listen(ItemView item) {
        return new Exercise(null, "listen", List.of(item.id()), "Type what you hear", target, target, null, null, null,
                null, item.audio().getFirst(), item.targetAnswers(), target, null, null, false);
    }

    private Exercise arrange(ItemView item, Random random) {
        List<String> tiles = new ArrayList<>(List.of(item.translation().split(" ")));
        Set<String> distractors = new LinkedHashSet<>();
        List<ItemView> others = new ArrayList<>(course);
        Collections.shuffle(others, random);
        for (ItemView other : others) {
            for (String word : other.translation().split(" ")) {
                if (distractors.size() < 3 && !tiles.contains(word)) {
                    distractors.add(word);
                }
            }
        }
        tiles.addAll(distractors);
        Collections.shuffle(tiles, random);
        return new Exercise(null, "arrange", List.of(item.id()), item.text(), target, source, null, tiles, null, null,
                null, item.sourceAnswers(), source, null, null, false);
    }

    /** Blanks the longest word of the phrase; the translation is the hint. */
    private Exercise cloze(ItemView item) {
        String[] words = item.text().split(" ");
        int longest = 0;
        for (int i = 1; i < words.length; i++) {
            if (bare(words[i]).length() > bare(words[longest]).length()) {
                longest = i;
            }
        }
        String answer = bare(words[longest]);
        words[longest] = words[longest].replace(answer, "____");
        return new Exercise(null, "cloze", List.of(item.id()), String.join(" ", words) + "  (" + item.translation() + ")",
                target, target, null, null, null, null, null, List.of(answer), target, null, null, false);
    }

    private Exercise match(List<ItemView> words, Random random) {
        List<String> left = new ArrayList<>(words.stream().map(ItemView::text).toList());
        List<String> right = new ArrayList<>(words.stream().map(ItemView::translation).toList());
        List<Exercise.Pair> solution = words.stream().map(w -> new Exercise.Pair(w.text(), w.translation())).toList();
        Collections.shuffle(left, random);
        Collections.shuffle(right, random);
        return new Exercise(null, "match", words.stream().map(ItemView::id).toList(), "Match the pairs", target, source,
                null, null, left, right, null, null, source, null, solution, false);
    }

    private static String bare(String word) {
        return word.replaceAll("^[\\p{Punct}¿¡]+|[\\p{Punct}¿¡]+$", "");
    }
}
