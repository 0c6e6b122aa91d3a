package org.glossa.answers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells a learner, kindly and correctly, whether a typed answer is right. One checker serves one language of one
 * course; it is immutable and safe to share between threads.
 *
 * <h2>What is set aside</h2>
 * Unicode form (NFC), letter case (by the language's rules: Turkish dotted and dotless i; Greek final sigma is sigma), punctuation and symbols
 * ({@code ¿ ¡ , . ! ?} and the like), repeated spaces, and apostrophes and quotes of every shape ({@code I'm},
 * {@code I’m} and {@code Im} are one answer). In German, ß and ss are the same. Such differences give
 * {@link Verdict#CORRECT}.
 *
 * <h2>Accents</h2>
 * Missing or wrong diacritics on Latin, Greek or Cyrillic letters ({@code dias} for {@code días}, {@code еж} for
 * {@code ёж}, {@code zolw} for {@code żółw}) give {@link Verdict#ACCENT}, accepted, the note naming the words:
 * {@code Mind the accent: días}. Marks that are letters of their script, such as Bangla vowel signs, are never set
 * aside: a missing one is a spelling mistake like a missing letter.
 *
 * <h2>Typos</h2>
 * In a word of 5 or more letters, one slip (a letter inserted, deleted or replaced, or two neighbours swapped, accents
 * aside) gives {@link Verdict#TYPO}, accepted, with the note {@code Typo: elefnate → elefante}, unless the typed word is
 * itself a word of the course's vocabulary ({@code horse} for {@code house} is {@link Verdict#WRONG}: it is another word,
 * not a slip). Letters are counted as code points once diacritics are set aside, so a Bangla vowel sign counts as one.
 * Each word may carry one slip; several words may each carry one. A space typed inside a word or left out between two
 * ({@code ele fante}, {@code thedog}) is a slip too when the joined word has 5 or more letters, unless the pieces are
 * both words of the vocabulary or the joined word is one; at most one such slip per answer. Otherwise words must line
 * up one for one: a missing or extra word is wrong.
 *
 * <h2>Precedence</h2>
 * The typed answer is compared with every answer the accepted ones stand for (see {@link #expand(String)}); the best
 * comparison wins: {@code CORRECT}, then {@code ACCENT}, then {@code TYPO} with the fewest slips, then the earliest in
 * the given order. A diacritic is a lesser slip than a wrong letter, hence accent before typo. When nothing is
 * accepted, {@code expected} is the accepted answer with the smallest edit distance to what was typed.
 *
 * <h2>Cost</h2>
 * Every call reads each accepted answer once (one pass over its code points, no regular expression) and compares word
 * by word; for {@code WRONG} answers the edit distance to each is bit-parallel (Myers) for answers of up to 64
 * letters, and a table that stops once an answer is farther than the best so far beyond that.
 */
public final class AnswerChecker {

    private final Spelling spelling;
    private final Set<String> vocabulary;

    /**
     * @param language   the language the answers are written in, a BCP 47 tag such as {@code es}, {@code de},
     *                   {@code bn} or {@code en}
     * @param vocabulary every word of the course in that language (entries may be phrases; may be empty): a typo that
     *                   spells one of them is wrong
     */
    public AnswerChecker(String language, Set<String> vocabulary) {
        this.spelling = new Spelling(language);
        Set<String> words = new HashSet<>();
        if (vocabulary != null) {
            for (String entry : vocabulary) {
                if (entry != null) {
                    for (Spelling.Word word : spelling.read(entry).words()) {
                        words.add(word.baseText());
                    }
                }
            }
        }
        this.vocabulary = Set.copyOf(words);
    }

    /**
     * Checks a typed answer against the accepted ones. Never throws: a null or blank answer is {@link Verdict#WRONG},
     * null accepted answers are skipped.
     *
     * @param typed    what the learner typed
     * @param accepted every accepted answer, possibly in editor shorthand (see {@link #expand(String)})
     */
    public Check check(String typed, List<String> accepted) {
        List<String> answers = answersOf(accepted);
        String first = answers.isEmpty() ? null : answers.getFirst();
        if (typed == null || typed.isBlank()) {
            return new Check(Verdict.WRONG, first, null);
        }
        Spelling.Scratch scratch = new Spelling.Scratch();
        Spelling.Phrase given = spelling.read(typed, scratch);
        if (given.words().length == 0 || answers.isEmpty()) {
            return new Check(Verdict.WRONG, first, null);
        }
        Spelling.Phrase[] phrases = new Spelling.Phrase[answers.size()];
        Comparison best = null;
        int bestIndex = -1;
        for (int i = 0; i < phrases.length; i++) {
            phrases[i] = spelling.read(answers.get(i), scratch);
            Comparison comparison = compare(given, phrases[i]);
            if (comparison != null && (best == null || comparison.isBetterThan(best))) {
                best = comparison;
                bestIndex = i;
                if (comparison.verdict() == Verdict.CORRECT) {
                    break;
                }
            }
        }
        if (best != null) {
            return new Check(best.verdict(), answers.get(bestIndex), best.note());
        }
        return new Check(Verdict.WRONG, answers.get(closest(given, phrases)), null);
    }

    /**
     * The concrete answers one shorthand answer stands for, in the order written, without duplicates, whitespace
     * tidied (an empty list for null or blank). The shorthand:
     * <ul>
     * <li>Parentheses mark an optional part: {@code (the) dog} is {@code the dog} or {@code dog}; {@code dog(s)} is
     * {@code dogs} or {@code dog}. They nest, and may hold slashes: {@code (a/the) dog} is {@code a dog},
     * {@code the dog} or {@code dog}. An unmatched parenthesis is plain text.</li>
     * <li>A slash alternates the word groups next to it; the rest of the answer is shared. A group is one word unless
     * the answer shows it is longer:
     * <ul>
     * <li>the word after the slash repeats one before it: the left group starts there and both groups are as long
     * ({@code the dog/the cat runs} is {@code the dog runs} or {@code the cat runs});</li>
     * <li>the word before the slash repeats one after it: the right group ends there, both as long
     * ({@code a dog/the dog});</li>
     * <li>longer groups are spelled alike, as a contraction and its long form are (their edit distance is under a third
     * of their letters together): the most alike ({@code I am/I'm here} is {@code I am here} or {@code I'm here}; {@code I do not/don't know};
     * {@code Yo soy/Soy Cecilia});</li>
     * <li>otherwise one word each side ({@code the dog/cat runs}).</li>
     * </ul>
     * Slashes chain: {@code a/the/one dog} is {@code a dog}, {@code the dog} or {@code one dog}, each further group
     * sized by the same rules at its own slash. Anything subtler is best written as separate accepted answers.
     * A slash between digits ({@code 1/2}) is text. A slash with nothing on one side is ignored.</li>
     * <li>At most 64 answers come out of one shorthand answer.</li>
     * </ul>
     */
    public static List<String> expand(String answer) {
        return Shorthand.expand(answer);
    }

    private static List<String> answersOf(List<String> accepted) {
        if (accepted == null || accepted.isEmpty()) {
            return List.of();
        }
        Set<String> answers = new LinkedHashSet<>();
        for (String answer : accepted) {
            answers.addAll(Shorthand.expand(answer));
        }
        return new ArrayList<>(answers);
    }

    /** The comparison with one accepted answer, or null when that answer does not accept what was typed. */
    private Comparison compare(Spelling.Phrase given, Spelling.Phrase answer) {
        Spelling.Word[] typed = given.words();
        Spelling.Word[] expected = answer.words();
        if (typed.length == expected.length) {
            return lineUp(typed, expected, -1, 0);
        }
        int shift = typed.length - expected.length;
        if (Math.abs(shift) != 1) {
            return null;
        }
        // One space too many or too few is a slip too (ele fante, thedog): try it at each place, keep the best.
        Comparison best = null;
        for (int at = 0; at < Math.min(typed.length, expected.length); at++) {
            Comparison comparison = lineUp(typed, expected, at, shift);
            if (comparison != null && (best == null || comparison.isBetterThan(best))) {
                best = comparison;
            }
        }
        return best;
    }

    /**
     * Compares word by word. With {@code shift} +1, typed words {@code at} and {@code at + 1} stand for expected word
     * {@code at} (a space typed inside it); with -1, typed word {@code at} stands for expected words {@code at} and
     * {@code at + 1} (a space left out).
     */
    private Comparison lineUp(Spelling.Word[] typed, Spelling.Word[] expected, int at, int shift) {
        List<String> accents = new ArrayList<>(0); // empty lists allocate no array until a note is added
        List<String> slips = new ArrayList<>(0);
        for (int i = 0, j = 0; i < typed.length && j < expected.length; ) {
            if (i == at && shift > 0) {
                Spelling.Word first = typed[i];
                Spelling.Word second = typed[i + 1];
                Spelling.Word whole = expected[j];
                if (whole.letters() < 5 || !joins(first.base(), second.base(), whole.base())
                        || vocabulary.contains(first.baseText()) && vocabulary.contains(second.baseText())) {
                    return null;
                }
                slips.add(first.display() + " " + second.display() + " → " + whole.display());
                i += 2;
                j += 1;
            } else if (i == at && shift < 0) {
                Spelling.Word whole = typed[i];
                if (whole.letters() < 5 || !joins(expected[j].base(), expected[j + 1].base(), whole.base())
                        || vocabulary.contains(whole.baseText())) {
                    return null;
                }
                slips.add(whole.display() + " → " + expected[j].display() + " " + expected[j + 1].display());
                i += 1;
                j += 2;
            } else {
                if (!compareWord(typed[i], expected[j], accents, slips)) {
                    return null;
                }
                i++;
                j++;
            }
        }
        return new Comparison(accents, slips);
    }

    /** Whether one word is accepted for another, noting an accent or a slip; false when it is not. */
    private boolean compareWord(Spelling.Word t, Spelling.Word e, List<String> accents, List<String> slips) {
        if (t.sameKey(e)) {
            return true;
        }
        if (t.sameBase(e)) {
            accents.add(e.display());
            return true;
        }
        if (e.letters() >= 5 && Distance.oneSlip(t.base(), e.base()) && !vocabulary.contains(t.baseText())) {
            slips.add(t.display() + " → " + e.display());
            return true;
        }
        return false;
    }

    /** Whether {@code whole} is {@code first} followed by {@code second}. */
    private static boolean joins(int[] first, int[] second, int[] whole) {
        return first.length + second.length == whole.length
                && Arrays.equals(first, 0, first.length, whole, 0, first.length)
                && Arrays.equals(second, 0, second.length, whole, first.length, whole.length);
    }

    /** The index of the answer with the smallest edit distance to what was typed; the first of equals. */
    private static int closest(Spelling.Phrase given, Spelling.Phrase[] phrases) {
        int[] typed = given.joinedBase();
        Distance.BitParallel fast = typed.length <= 64 ? new Distance.BitParallel(typed) : null;
        int best = 0;
        int bestDistance = Integer.MAX_VALUE - 1;
        for (int i = 0; i < phrases.length; i++) {
            int[] answer = phrases[i].joinedBase();
            int distance = fast != null ? fast.distanceTo(answer)
                    : Distance.levenshtein(typed, answer, bestDistance - 1);
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** What differed from one accepted answer that accepts the typed one. */
    private record Comparison(List<String> accents, List<String> slips) {

        Verdict verdict() {
            if (!slips.isEmpty()) {
                return Verdict.TYPO;
            }
            return accents.isEmpty() ? Verdict.CORRECT : Verdict.ACCENT;
        }

        /** Correct, then accents only (fewest first), then typos (fewest slips, then fewest accents). */
        boolean isBetterThan(Comparison other) {
            if (slips.size() != other.slips.size()) {
                return slips.size() < other.slips.size();
            }
            return accents.size() < other.accents.size();
        }

        String note() {
            StringBuilder note = new StringBuilder();
            if (!slips.isEmpty()) {
                note.append("Typo: ").append(String.join(", ", slips));
            }
            if (!accents.isEmpty()) {
                note.append(note.isEmpty() ? "Mind the accent" : "; mind the accent")
                        .append(accents.size() > 1 ? "s: " : ": ").append(String.join(", ", accents));
            }
            return note.isEmpty() ? null : note.toString();
        }
    }
}
