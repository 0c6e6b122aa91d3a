package org.glossa.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The checker over the two real LibreLingo courses, in both directions (into the course's language: Word/Phrase,
 * Synonyms, Alternative versions; into the learner's: Translation, Also accepted, Alternative translations), item by
 * item:
 * <ul>
 * <li>every accepted answer is {@code CORRECT}, as written and typed carelessly (lower case, no punctuation);</li>
 * <li>an accepted answer with its Latin diacritics left out is {@code ACCENT} (or {@code CORRECT} when that spelling is
 * accepted too);</li>
 * <li>a one-letter slip (replaced, deleted, inserted, swapped, or a space typed inside) in a word of 5 or more
 * letters is {@code TYPO}, or {@code WRONG} when the slip spells another word of the course (two, for a space);</li>
 * <li>every other item's answer is {@code WRONG}, unless it is also an accepted answer of this item.</li>
 * </ul>
 * The expectations come from a deliberately simple reading of the text here ({@link #fold}), not from the checker. The
 * data is found by walking up from the working directory; without it the tests are skipped with the reason.
 */
class LibreLingoCoursesTests {

    private static List<LibreLingoCourses.Course> courses;
    private static final Map<String, AtomicInteger> CASES = new TreeMap<>();

    @BeforeAll
    static void loadCourses() {
        Path root = LibreLingoCourses.locate().orElse(null);
        if (root == null) {
            String reason = "LibreLingo courses not found: no shared/data/librelingo above "
                    + Path.of("").toAbsolutePath() + "; the checker's data-driven tests are skipped";
            System.err.println(reason);
            Assumptions.assumeTrue(false, reason);
        }
        courses = LibreLingoCourses.load(root);
        assertThat(courses).extracting(LibreLingoCourses.Course::name)
                .contains("bangla-from-english", "spanish-from-english");
        assertThat(courses).allSatisfy(course -> assertThat(course.items()).hasSizeGreaterThan(100));
    }

    /** Prints how many cases ran, and fails if a kind of case never ran in a direction: then a test proved nothing. */
    @AfterAll
    static void printCountsAndCheckEveryKindRan() {
        if (CASES.isEmpty()) {
            return; // skipped, or run one test at a time
        }
        System.out.println("LibreLingo answer-checking cases: " + CASES);
        for (LibreLingoCourses.Course course : courses) {
            for (boolean intoTarget : List.of(true, false)) {
                String direction = Direction.of(course, intoTarget) + ": ";
                for (String kind : List.of("correct", "typo", "other item's answer (wrong)")) {
                    if (CASES.keySet().stream().anyMatch(key -> key.endsWith(": " + kind))) {
                        assertThat(CASES.getOrDefault(direction + kind, new AtomicInteger()).get())
                                .as(direction + kind).isGreaterThan(100);
                    }
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicNode> everyAcceptedAnswerIsCorrect() {
        return perItem((direction, item, accepted) -> {
            for (String answer : accepted) {
                for (String typed : List.of(answer, careless(answer))) {
                    Check check = direction.checker().check(typed, direction.answers(item));
                    assertThat(check.verdict()).as("%s typed for %s", typed, direction.answers(item))
                            .isEqualTo(Verdict.CORRECT);
                    assertThat(fold(check.expected(), direction.language())).isEqualTo(fold(typed, direction.language()));
                    assertThat(check.note()).isNull();
                    count(direction, "correct");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> anAnswerWithoutItsDiacriticsIsAccent() {
        return perItem((direction, item, accepted) -> {
            if (!latinScript(direction.language())) {
                return;
            }
            Set<String> exact = new HashSet<>();
            accepted.forEach(answer -> exact.add(careless(answer)));
            for (String answer : accepted) {
                String bare = withoutMarks(answer);
                if (bare.equals(answer)) {
                    continue;
                }
                Check check = direction.checker().check(bare, direction.answers(item));
                Verdict expected = exact.contains(careless(bare)) ? Verdict.CORRECT : Verdict.ACCENT;
                assertThat(check.verdict()).as("%s typed for %s", bare, direction.answers(item)).isEqualTo(expected);
                if (expected == Verdict.ACCENT) {
                    assertThat(check.note()).startsWith("Mind the accent");
                }
                count(direction, "accent");
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> aOneLetterSlipInALongWordIsATypoUnlessItSpellsAnotherWord() {
        return perItem((direction, item, accepted) -> {
            Set<String> folded = new HashSet<>();
            accepted.forEach(answer -> folded.add(fold(answer, direction.language())));
            for (String answer : accepted) {
                for (Slip slip : slips(answer, direction.language())) {
                    if (folded.contains(fold(slip.typed(), direction.language()))) {
                        continue; // the slip happens to spell another accepted answer
                    }
                    // a space typed inside a word is wrong only if both pieces are words of the course
                    boolean anotherWord = direction.vocabulary().containsAll(
                            List.of(fold(slip.word(), direction.language()).split(" ")));
                    Check check = direction.checker().check(slip.typed(), direction.answers(item));
                    if (anotherWord) {
                        assertThat(check.verdict()).as("%s (%s) typed for %s", slip.typed(), slip.kind(), accepted)
                                .isEqualTo(Verdict.WRONG);
                        count(direction, "slip spelling another word (wrong)");
                    } else {
                        assertThat(check.verdict()).as("%s (%s) typed for %s", slip.typed(), slip.kind(), accepted)
                                .isEqualTo(Verdict.TYPO);
                        // another accepted answer may be one slip away too (কৃষকরা beside কৃষকেরা): the first wins
                        assertThat(check.note()).as("note").startsWith("Typo: ").contains(slip.word() + " → ");
                        assertThat(accepted).contains(check.expected());
                        count(direction, "typo");
                    }
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> anotherItemsAnswerIsWrong() {
        return perItem((direction, item, accepted) -> {
            Set<String> folded = new HashSet<>();
            accepted.forEach(answer -> folded.add(fold(answer, direction.language())));
            List<String> wronglyAccepted = new ArrayList<>();
            for (LibreLingoCourses.Item other : direction.course().items()) {
                List<String> otherAnswers = direction.answers(other);
                if (other == item || otherAnswers.isEmpty()) {
                    continue;
                }
                String typed = otherAnswers.getFirst();
                if (folded.contains(fold(typed, direction.language()))) {
                    count(direction, "other item's answer also accepted here (skipped)");
                    continue;
                }
                Check check = direction.checker().check(typed, direction.answers(item));
                if (check.verdict() != Verdict.WRONG) {
                    wronglyAccepted.add(typed + " → " + check);
                }
                count(direction, "other item's answer (wrong)");
            }
            assertThat(wronglyAccepted).as("answers of other items accepted for %s", accepted).isEmpty();
        });
    }

    // --- the cases ---------------------------------------------------------------------------------------------

    /** One direction of exercises in one course: which answers count, in which language, against which words. */
    private record Direction(LibreLingoCourses.Course course, boolean intoTarget, AnswerChecker checker,
                             Set<String> vocabulary) {

        static Direction of(LibreLingoCourses.Course course, boolean intoTarget) {
            Set<String> words = course.vocabulary(intoTarget);
            Set<String> folded = new HashSet<>();
            String language = intoTarget ? course.target() : course.source();
            words.forEach(word -> folded.add(fold(word, language)));
            return new Direction(course, intoTarget, new AnswerChecker(language, words), folded);
        }

        String language() {
            return intoTarget ? course.target() : course.source();
        }

        List<String> answers(LibreLingoCourses.Item item) {
            return intoTarget ? item.target() : item.source();
        }

        @Override
        public String toString() {
            return course.name() + (intoTarget ? ", into " : ", into ") + language();
        }
    }

    private interface ItemCheck {
        void run(Direction direction, LibreLingoCourses.Item item, List<String> accepted);
    }

    /** One container per course and direction, one test per item; {@code accepted} is expanded. */
    private static Stream<DynamicNode> perItem(ItemCheck check) {
        return courses.stream().flatMap(course -> Stream.of(true, false).map(intoTarget -> {
            Direction direction = Direction.of(course, intoTarget);
            return DynamicContainer.dynamicContainer(direction.toString(), course.items().stream()
                    .filter(item -> !direction.answers(item).isEmpty())
                    .map(item -> DynamicTest.dynamicTest(item.where(), () -> {
                        List<String> accepted = direction.answers(item).stream()
                                .flatMap(answer -> AnswerChecker.expand(answer).stream()).distinct().toList();
                        check.run(direction, item, accepted);
                    })));
        }));
    }

    private static void count(Direction direction, String what) {
        synchronized (CASES) {
            CASES.computeIfAbsent(direction + ": " + what, key -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** A one-letter slip in one word of an answer. */
    private record Slip(String typed, String kind, String word, String original) {
    }

    /**
     * For each word of 5 or more letters (letters, and marks that sit on them, in NFC), five kinds of slip at the
     * middle letter: replaced by a letter of the same script, deleted, followed by an inserted letter, preceded by a
     * space, swapped with the next letter when that is a different letter.
     */
    private static List<Slip> slips(String answer, String language) {
        List<Slip> slips = new ArrayList<>();
        int[] cps = Normalizer.normalize(answer, Normalizer.Form.NFC).codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            if (!isWordPart(cps[i]) || isMark(cps[i])) { // a word never starts with a mark: that one is stray
                i++;
                continue;
            }
            int start = i;
            while (i < cps.length && isWordPart(cps[i])) {
                i++;
            }
            int end = i;
            while (end > start && isApostrophe(cps[end - 1])) {
                end--;
            }
            int from = start;
            while (from < end && isApostrophe(cps[from])) {
                from++;
            }
            List<Integer> letters = new ArrayList<>();
            int length = 0;
            for (int j = from; j < end; j++) {
                if (Character.isLetterOrDigit(cps[j]) || isMark(cps[j])) {
                    length++;
                }
                if (Character.isLetter(cps[j])) {
                    letters.add(j);
                }
            }
            if (length < 5 || letters.isEmpty()) {
                continue;
            }
            String original = new String(cps, from, end - from);
            int p = letters.get(letters.size() / 2);
            int other = replacement(cps[p]);
            slips.add(slip(cps, from, end, p, p + 1, new int[]{other}, "replaced", original));
            slips.add(slip(cps, from, end, p, p + 1, new int[0], "deleted", original));
            slips.add(slip(cps, from, end, p + 1, p + 1, new int[]{other}, "inserted", original));
            if (p > from) {
                slips.add(slip(cps, from, end, p, p, new int[]{' '}, "space inserted", original));
            }
            for (int q = letters.size() / 2; q < letters.size(); q++) {
                int a = letters.get(q);
                if (a + 1 < end && Character.isLetter(cps[a + 1]) && cps[a] != cps[a + 1]) {
                    slips.add(slip(cps, from, end, a, a + 2, new int[]{cps[a + 1], cps[a]}, "swapped", original));
                    break;
                }
            }
        }
        return slips;
    }

    private static Slip slip(int[] cps, int from, int end, int cut, int resume, int[] insert, String kind,
                             String original) {
        StringBuilder typed = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (int j = 0; j < cps.length; j++) {
            if (j == cut) {
                for (int cp : insert) {
                    typed.appendCodePoint(cp);
                    word.appendCodePoint(cp);
                }
            }
            if (j >= cut && j < resume) {
                continue;
            }
            typed.appendCodePoint(cps[j]);
            if (j >= from && j < end) {
                word.appendCodePoint(cps[j]);
            }
        }
        if (cut == cps.length) {
            for (int cp : insert) {
                typed.appendCodePoint(cp);
                word.appendCodePoint(cp);
            }
        }
        return new Slip(typed.toString(), kind, Normalizer.normalize(word, Normalizer.Form.NFC), original);
    }

    /** A plain letter of the same script, different from the one replaced. */
    private static int replacement(int cp) {
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.BENGALI) {
            return cp == 'ক' ? 'খ' : 'ক';
        }
        return Character.toLowerCase(cp) == 'x' ? 'z' : 'x';
    }

    private static boolean isWordPart(int cp) {
        return Character.isLetterOrDigit(cp) || isMark(cp) || isApostrophe(cp);
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '’' || cp == '‘' || cp == 'ʼ';
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean latinScript(String language) {
        return language.equals("es") || language.equals("en");
    }

    /** Lower case, punctuation gone, one space between words, accents kept: how a hurried learner types. */
    private static String careless(String answer) {
        StringBuilder out = new StringBuilder();
        for (int cp : Normalizer.normalize(answer, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).codePoints()
                .toArray()) {
            if (Character.isLetterOrDigit(cp) || isMark(cp) && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.appendCodePoint(cp);
            } else if (!isApostrophe(cp) && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        return out.toString().strip();
    }

    /** The answer with every combining mark removed (Latin-script languages only). */
    private static String withoutMarks(String answer) {
        StringBuilder out = new StringBuilder();
        Normalizer.normalize(answer, Normalizer.Form.NFD).codePoints().filter(cp -> !isMark(cp))
                .forEach(out::appendCodePoint);
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * The test's own reading of an answer, for expectations: careless, then, in Latin-script languages, without
     * diacritics. Two answers that fold alike are the same answer give or take accents.
     */
    static String fold(String answer, String language) {
        String careless = careless(answer);
        return latinScript(language) ? withoutMarks(careless) : careless;
    }
}
