package org.glossa.answers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shorthand course editors use to write several answers as one: optional parts in parentheses and alternatives
 * separated by slashes. See {@link AnswerChecker#expand(String)} for the rules; this class only implements them.
 *
 * <p>An answer is read into units: runs of text between spaces, slashes and parentheses, and optional groups (the
 * units between a pair of parentheses). Each unit remembers whether a space preceded it, so {@code dog(s)} gives
 * {@code dogs} and {@code dog}, while {@code (the) dog} gives {@code the dog} and {@code dog}.
 */
final class Shorthand {

    /** Answers one shorthand answer may stand for, at most: a runaway answer must not make checking slow. */
    static final int MAX_ANSWERS = 64;

    /** Groups beside a slash are searched up to this many units: editors alternate short phrases. */
    private static final int MAX_GROUP = 4;

    private Shorthand() {
    }

    static List<String> expand(String answer) {
        if (answer == null) {
            return List.of();
        }
        if (answer.indexOf('/') < 0 && answer.indexOf('(') < 0 && answer.indexOf(')') < 0) {
            String tidy = Spelling.tidy(answer);
            return tidy.isEmpty() ? List.of() : List.of(tidy);
        }
        Set<String> answers = new LinkedHashSet<>();
        for (List<Text> sequence : expand(parse(answer), MAX_ANSWERS)) {
            String tidy = Spelling.tidy(join(sequence));
            if (!tidy.isEmpty()) {
                answers.add(tidy);
            }
        }
        return List.copyOf(answers);
    }

    private sealed interface Unit permits Text, Optional, Slash {
        boolean spaceBefore();

        Unit withSpaceBefore(boolean spaceBefore);

        /** Lower-case letters and digits only: what groups beside a slash are compared on. */
        String letters();
    }

    private record Text(String text, boolean spaceBefore) implements Unit {
        @Override
        public Unit withSpaceBefore(boolean space) {
            return new Text(text, space);
        }

        @Override
        public String letters() {
            StringBuilder letters = new StringBuilder(text.length());
            text.codePoints().filter(cp -> Character.isLetterOrDigit(cp) || Spelling.isMark(cp))
                    .map(Character::toLowerCase).forEach(letters::appendCodePoint);
            return letters.toString();
        }
    }

    private record Optional(List<Unit> units, boolean spaceBefore) implements Unit {
        @Override
        public Unit withSpaceBefore(boolean space) {
            return new Optional(units, space);
        }

        @Override
        public String letters() {
            return lettersOf(units);
        }
    }

    private record Slash(boolean spaceBefore) implements Unit {
        @Override
        public Unit withSpaceBefore(boolean space) {
            return this;
        }

        @Override
        public String letters() {
            return "";
        }
    }

    private static List<Unit> parse(String answer) {
        List<List<Unit>> open = new ArrayList<>();
        List<Boolean> openSpace = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < answer.length(); i++) {
            char c = answer.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                flush(word, space, current);
                space = true;
            } else if (c == '(') {
                if (flush(word, space, current)) {
                    space = false;
                }
                open.add(current);
                openSpace.add(space);
                current = new ArrayList<>();
                space = false;
            } else if (c == ')') {
                if (flush(word, space, current)) {
                    space = false;
                }
                if (!open.isEmpty()) {
                    Optional group = new Optional(current, openSpace.removeLast());
                    current = open.removeLast();
                    current.add(group);
                    space = false;
                }
                // an unmatched ')' is a stray character: punctuation, which checking ignores anyway
            } else if (c == '/' && i > 0 && i + 1 < answer.length()
                    && Character.isDigit(answer.charAt(i - 1)) && Character.isDigit(answer.charAt(i + 1))) {
                word.append(c); // 1/2, 24/7: a number, not an alternative
            } else if (c == '/') {
                flush(word, space, current);
                current.add(new Slash(space));
                space = false;
            } else {
                word.append(c);
            }
        }
        flush(word, space, current);
        // An unmatched '(' is kept as text: the editor's words stay, none of them made optional by accident.
        while (!open.isEmpty()) {
            List<Unit> parent = open.removeLast();
            parent.add(new Text("(", openSpace.removeLast()));
            parent.addAll(current);
            current = parent;
        }
        return current;
    }

    /** Adds the pending word, if any, as a unit; tells whether it did. */
    private static boolean flush(StringBuilder word, boolean space, List<Unit> units) {
        if (word.isEmpty()) {
            return false;
        }
        units.add(new Text(word.toString(), space));
        word.setLength(0);
        return true;
    }

    /**
     * The first {@code limit} slash-free, parenthesis-free sequences the units stand for. The limit is passed down so
     * that an answer with many slashes costs work in proportion to the answers kept, not to all it could stand for.
     */
    private static List<List<Text>> expand(List<Unit> units, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        int slash = indexOfSlash(units);
        if (slash >= 0) {
            return expandSlash(units, slash, limit);
        }
        List<List<Text>> sequences = new ArrayList<>();
        sequences.add(List.of());
        for (Unit unit : units) {
            List<List<Text>> choices = switch (unit) {
                case Text text -> List.of(List.of(text));
                case Optional optional -> {
                    Set<List<Text>> inside = new LinkedHashSet<>();
                    for (List<Text> sequence : expand(optional.units(), limit)) {
                        inside.add(withLeadingSpace(sequence, optional.spaceBefore()));
                    }
                    inside.add(List.of());
                    yield new ArrayList<>(inside);
                }
                case Slash ignored -> throw new IllegalStateException("slashes are expanded first");
            };
            List<List<Text>> longer = new ArrayList<>();
            for (List<Text> sequence : sequences) {
                for (List<Text> choice : choices) {
                    if (longer.size() == limit) {
                        break;
                    }
                    List<Text> joined = new ArrayList<>(sequence);
                    joined.addAll(choice);
                    longer.add(joined);
                }
            }
            sequences = longer;
        }
        return sequences;
    }

    private static List<List<Text>> expandSlash(List<Unit> units, int slash, int limit) {
        int rightEnd = slash + 1;
        while (rightEnd < units.size() && !(units.get(rightEnd) instanceof Slash)) {
            rightEnd++;
        }
        int leftCount = slash;
        int rightCount = rightEnd - slash - 1;
        if (leftCount == 0 || rightCount == 0) { // a slash with nothing on one side alternates nothing
            List<Unit> without = new ArrayList<>(units);
            without.remove(slash);
            return expand(without, limit);
        }
        int[] sizes = groups(units, slash, rightCount);
        int k = sizes[0];
        List<Unit> prefix = units.subList(0, slash - k);
        List<Unit> left = units.subList(slash - k, slash);
        List<List<Unit>> alternatives = new ArrayList<>();
        alternatives.add(left);
        // A chain (a/the/one dog) is one choice among all its groups, not nested pairs that would repeat answers.
        int at = slash;
        int m = sizes[1];
        while (true) {
            List<Unit> right = new ArrayList<>(units.subList(at + 1, at + 1 + m));
            right.set(0, right.getFirst().withSpaceBefore(left.getFirst().spaceBefore()));
            alternatives.add(right);
            at = at + 1 + m;
            int nextEnd = at + 1;
            while (nextEnd < units.size() && !(units.get(nextEnd) instanceof Slash)) {
                nextEnd++;
            }
            if (at >= units.size() || !(units.get(at) instanceof Slash) || nextEnd == at + 1) {
                break;
            }
            m = groups(units, at, nextEnd - at - 1)[1];
        }
        List<Unit> suffix = new ArrayList<>(units.subList(at, units.size()));
        if (!suffix.isEmpty() && suffix.getFirst() instanceof Slash) {
            suffix.removeFirst(); // a trailing or doubled slash alternates nothing
        }

        Set<List<Text>> sequences = new LinkedHashSet<>();
        for (List<Unit> group : alternatives) {
            List<Unit> one = new ArrayList<>(prefix);
            one.addAll(group);
            one.addAll(suffix);
            sequences.addAll(expand(one, limit - sequences.size()));
            if (sequences.size() >= limit) {
                break;
            }
        }
        return new ArrayList<>(sequences);
    }

    /**
     * How many units on each side of the slash it alternates: {k, m}. The first rule that applies decides:
     * <ol>
     * <li>the word after the slash repeats one of the {@value #MAX_GROUP} units before it: the left group starts at
     * that word and both groups have as many units ({@code the dog/the cat runs}, {@code Good morning/Good day});</li>
     * <li>the word before the slash repeats one of the {@value #MAX_GROUP} units after it: the right group ends at
     * that word, both groups as long ({@code a dog/the dog});</li>
     * <li>some longer groups of plain words are spelled much alike (edit distance under a third of their letters
     * together): the most alike
     * ({@code I am/I'm here}, {@code do not/don't}, {@code Yo soy/Soy Cecilia});</li>
     * <li>otherwise one unit each side ({@code the dog/cat runs}).</li>
     * </ol>
     * Groups that would be spelled the same are never chosen: they would alternate nothing. Rules 1 and 2 apply only
     * when the other side has enough units for a group as long.
     */
    private static int[] groups(List<Unit> units, int slash, int rightCount) {
        String afterSlash = units.get(slash + 1).letters();
        if (!afterSlash.isEmpty()) {
            for (int i = slash - 1; i >= Math.max(0, slash - MAX_GROUP); i--) {
                if (units.get(i).letters().equals(afterSlash)) {
                    int k = slash - i;
                    if (k <= rightCount && !same(units, slash, k, k)) {
                        return new int[]{k, k};
                    }
                    break;
                }
            }
        }
        String beforeSlash = units.get(slash - 1).letters();
        if (!beforeSlash.isEmpty()) {
            for (int j = 0; j < Math.min(rightCount, MAX_GROUP); j++) {
                if (units.get(slash + 1 + j).letters().equals(beforeSlash)) {
                    int m = j + 1;
                    if (m <= slash && !same(units, slash, m, m)) {
                        return new int[]{m, m};
                    }
                    break;
                }
            }
        }
        int[] best = {1, 1};
        double bestCost = same(units, slash, 1, 1) ? Double.MAX_VALUE : cost(units, slash, 1, 1);
        int maxLeft = 0; // only plain words are compared: an optional part is not a spelling
        while (maxLeft < Math.min(slash, MAX_GROUP) && units.get(slash - 1 - maxLeft) instanceof Text) {
            maxLeft++;
        }
        int maxRight = 0;
        while (maxRight < Math.min(rightCount, MAX_GROUP) && units.get(slash + 1 + maxRight) instanceof Text) {
            maxRight++;
        }
        for (int size = 3; size <= 2 * MAX_GROUP; size++) {
            for (int k = 1; k < size; k++) {
                int m = size - k;
                if (k > maxLeft || m > maxRight) {
                    continue;
                }
                double cost = cost(units, slash, k, m);
                if (cost < 1.0 / 3 && cost < bestCost && !same(units, slash, k, m)) {
                    best = new int[]{k, m};
                    bestCost = cost;
                }
            }
        }
        return best;
    }

    private static boolean same(List<Unit> units, int slash, int k, int m) {
        return lettersOf(units.subList(slash - k, slash)).equals(lettersOf(units.subList(slash + 1, slash + 1 + m)));
    }

    /** Edit distance between the groups' letters over their total length: 0 alike, about 1/2 or more unrelated. */
    private static double cost(List<Unit> units, int slash, int k, int m) {
        String left = lettersOf(units.subList(slash - k, slash));
        String right = lettersOf(units.subList(slash + 1, slash + 1 + m));
        int total = left.length() + right.length();
        return total == 0 ? Double.MAX_VALUE : (double) Distance.levenshtein(left, right) / total;
    }

    private static String lettersOf(List<Unit> units) {
        StringBuilder letters = new StringBuilder();
        for (Unit unit : units) {
            letters.append(unit.letters());
        }
        return letters.toString();
    }

    private static int indexOfSlash(List<Unit> units) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i) instanceof Slash) {
                return i;
            }
        }
        return -1;
    }

    private static List<Text> withLeadingSpace(List<Text> sequence, boolean space) {
        if (sequence.isEmpty()) {
            return sequence;
        }
        List<Text> copy = new ArrayList<>(sequence);
        copy.set(0, new Text(copy.getFirst().text(), space));
        return copy;
    }

    /** Whether a character opens what follows ({@code ¿ ¡ ( «}): a dropped optional part leaves no space after it. */
    private static boolean opens(int cp) {
        int type = Character.getType(cp);
        return cp == '¿' || cp == '¡' || type == Character.START_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION;
    }

    private static String join(List<Text> sequence) {
        StringBuilder joined = new StringBuilder();
        for (Text text : sequence) {
            if (text.spaceBefore() && !joined.isEmpty() && !opens(joined.codePointBefore(joined.length()))) {
                joined.append(' ');
            }
            joined.append(text.text());
        }
        return joined.toString();
    }
}
