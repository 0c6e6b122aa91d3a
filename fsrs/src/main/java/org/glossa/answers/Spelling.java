package org.glossa.answers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How one language's answers are read for comparison: text becomes a sequence of {@link Word}s, each with a folded
 * {@code key} (NFC, lower case by the language's rules, German ß as ss, Greek final sigma as sigma) and a {@code base}
 * (the key without Latin, Greek and Cyrillic diacritics). Punctuation and symbols separate words; apostrophes and
 * their look-alikes vanish inside words ({@code I'm} reads as {@code im}, whichever apostrophe was typed).
 *
 * <p>A combining mark is a diacritic only when it sits on a Latin, Greek or Cyrillic letter. On other scripts (Bangla
 * vowel signs, virama, nukta and the like) marks are letters: they stay in the base, so a missing one is a spelling
 * error, never an accent. A mark with no letter before it (a stray mark pasted at the start of a sentence) is dropped.
 *
 * <p>One pass over the code points, no regular expressions: this runs for every accepted answer of every check.
 */
final class Spelling {

    /** Letters below this code point are looked up in the tables; it covers Latin, Greek, Cyrillic and extensions. */
    private static final int TABLE_SIZE = 0x2000;

    /** For a precomposed letter with diacritics, its bare letter; otherwise -1. */
    private static final int[] BARE = new int[TABLE_SIZE];

    /** Whether a code point below TABLE_SIZE is a letter of a script whose marks are diacritics. */
    private static final boolean[] DIACRITIC_SCRIPT = new boolean[TABLE_SIZE];

    static {
        Arrays.fill(BARE, -1);
        for (int cp = 0; cp < TABLE_SIZE; cp++) {
            if (!Character.isDefined(cp) || Character.isSurrogate((char) cp)) {
                continue;
            }
            DIACRITIC_SCRIPT[cp] = hasDiacriticScript(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
            int first = decomposed.codePointAt(0);
            if (decomposed.length() > Character.charCount(first) && hasDiacriticScript(first)
                    && decomposed.substring(Character.charCount(first)).codePoints().allMatch(Spelling::isMark)) {
                BARE[cp] = first;
            }
        }
        // Letters whose diacritic is drawn into the glyph, so Unicode does not decompose them.
        int[][] fused = {{'ł', 'l'}, {'Ł', 'L'}, {'ø', 'o'}, {'Ø', 'O'}, {'đ', 'd'}, {'Đ', 'D'}, {'ħ', 'h'},
                {'Ħ', 'H'}, {'ŧ', 't'}, {'Ŧ', 'T'}, {'ı', 'i'}, {'ƀ', 'b'}, {'ɨ', 'i'}, {'ŀ', 'l'}, {'Ŀ', 'L'}};
        for (int[] pair : fused) {
            BARE[pair[0]] = pair[1];
        }
    }

    private final boolean turkic;
    private final boolean german;

    /** Case folding follows the language: Turkish and Azerbaijani dotted and dotless i, German ß. */
    Spelling(String language) {
        String primary = Locale.forLanguageTag(language == null ? "und" : language.strip()).getLanguage();
        this.turkic = primary.equals("tr") || primary.equals("az");
        this.german = primary.equals("de");
    }

    /** The words of a text, in order. Never null; empty when the text has no letters or digits. */
    Phrase read(String text) {
        return read(text, new Scratch());
    }

    /**
     * Room to spell one word in while reading, reused across the answers of one check: reading 20 answers should not
     * allocate 40 buffers. Not thread-safe; one per call.
     */
    static final class Scratch {
        private int[] key = new int[64];
        private int[] base = new int[64];

        private void fit(int length) {
            if (key.length < length) {
                key = new int[length];
                base = new int[length];
            }
        }
    }

    /** {@link #read(String)} with the caller's scratch space. */
    Phrase read(String text, Scratch scratch) {
        String nfc = nfc(text);
        List<Word> words = new ArrayList<>(8);
        scratch.fit(nfc.length() * 2); // ß may become ss: at most two code points per char
        int[] key = scratch.key;
        int[] base = scratch.base;
        int keyLength = 0;
        int baseLength = 0;
        int start = -1;
        int end = -1;
        boolean lastLetterHasDiacritics = false; // whether marks after the current letter are diacritics
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            int next = i + Character.charCount(cp);
            switch (kind(cp)) {
                case SEPARATOR -> {
                    if (keyLength > 0) {
                        words.add(word(key, keyLength, base, baseLength, nfc, start, end));
                        keyLength = 0;
                        baseLength = 0;
                    }
                }
                case IGNORED -> {
                    // apostrophes join what they separate; format characters (ZWJ, soft hyphen) carry no letter
                }
                case MARK -> {
                    if (keyLength > 0) {
                        key[keyLength++] = cp;
                        if (!lastLetterHasDiacritics) {
                            base[baseLength++] = cp;
                        }
                        end = next;
                    }
                }
                case LETTER -> {
                    if (keyLength == 0) {
                        start = i;
                    }
                    end = next;
                    if (cp < 0x80 && !(turkic && cp == 'I')) { // ASCII: no table, no diacritic
                        int lower = cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
                        key[keyLength++] = lower;
                        base[baseLength++] = lower;
                        lastLetterHasDiacritics = true;
                        i = next;
                        continue;
                    }
                    int lower = lower(cp);
                    if (german && lower == 'ß') {
                        key[keyLength++] = 's';
                        key[keyLength++] = 's';
                        base[baseLength++] = 's';
                        base[baseLength++] = 's';
                        lastLetterHasDiacritics = true;
                    } else {
                        key[keyLength++] = lower;
                        int bare = lower < TABLE_SIZE ? BARE[lower] : -1;
                        base[baseLength++] = bare >= 0 ? bare : lower;
                        lastLetterHasDiacritics = lower < TABLE_SIZE ? DIACRITIC_SCRIPT[lower] : hasDiacriticScript(lower);
                    }
                }
            }
            i = next;
        }
        if (keyLength > 0) {
            words.add(word(key, keyLength, base, baseLength, nfc, start, end));
        }
        return new Phrase(words.toArray(Word[]::new));
    }

    /** Most words have no diacritics: their key and base are then one array. */
    private static Word word(int[] key, int keyLength, int[] base, int baseLength, String text, int start, int end) {
        int[] keyCopy = Arrays.copyOf(key, keyLength);
        int[] baseCopy = Arrays.equals(key, 0, keyLength, base, 0, baseLength) ? keyCopy : Arrays.copyOf(base, baseLength);
        return new Word(keyCopy, baseCopy, text, start, end);
    }

    private int lower(int cp) {
        if (turkic) {
            if (cp == 'I') {
                return 'ı';
            }
            if (cp == 'İ') {
                return 'i';
            }
        }
        int lower = Character.toLowerCase(cp);
        return lower == 'ς' ? 'σ' : lower; // final sigma is a spelling of sigma, not another letter
    }

    /**
     * The text as shown to a learner: NFC, stray marks with no letter to sit on dropped, runs of whitespace made one
     * space, trimmed.
     */
    static String tidy(String text) {
        if (isTidy(text)) {
            return text; // the common case: nothing to do, nothing to copy
        }
        String nfc = nfc(text);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        boolean afterLetter = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                afterLetter = false;
            } else if (isMark(cp) && !afterLetter) {
                // a mark with nothing to sit on is a leftover from editing, not text
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
                afterLetter = Character.isLetterOrDigit(cp) || isMark(cp);
            }
        }
        return out.toString();
    }

    private static boolean isTidy(String text) {
        int length = text.length();
        if (length == 0 || text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
            return length == 0;
        }
        char previous = 'x';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x300 || (c < ' ' || c == 0x7F || c == 0x85 || c == 0xA0) || c == ' ' && previous == ' ') {
                return false; // beyond Latin-1 and its extensions, control, odd or doubled spaces: do it properly
            }
            previous = c;
        }
        return true;
    }

    static String nfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x300) {
                return Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text; // nothing below U+0300 composes, so this is already NFC
    }

    private enum Kind { LETTER, MARK, SEPARATOR, IGNORED }

    private static Kind kind(int cp) {
        if (cp < 0x80) { // the common case, without a table lookup
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
                return Kind.LETTER;
            }
            return cp == '\'' || cp == '`' ? Kind.IGNORED : Kind.SEPARATOR;
        }
        if (isApostrophe(cp)) {
            return Kind.IGNORED;
        }
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> Kind.MARK;
            case Character.FORMAT -> Kind.IGNORED;
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.CONTROL, Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                 Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                 Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> Kind.SEPARATOR;
            default -> Kind.LETTER; // letters, digits, and whatever odd code point was typed: compare it as is
        };
    }

    private static boolean isApostrophe(int cp) {
        return switch (cp) {
            case '\u2019', '\u2018', '\u02BC', '\u00B4', '\u2032', '\u201B', '\uFF07' -> true;
            default -> false;
        };
    }

    static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean hasDiacriticScript(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC;
    }

    /**
     * One word as compared. Arrays for speed; never modified after construction.
     *
     * @param key     folded code points
     * @param base    folded code points without diacritics; its length is the word's number of letters
     * @param text    the text the word was read from (NFC); the word is {@code text[start, end)}, cut out only when
     *                a note names it
     */
    record Word(int[] key, int[] base, String text, int start, int end) {

        /** The word as written (NFC), without surrounding punctuation. */
        String display() {
            return text.substring(start, end);
        }

        int letters() {
            return base.length;
        }

        boolean sameKey(Word other) {
            return Arrays.equals(key, other.key);
        }

        boolean sameBase(Word other) {
            return Arrays.equals(base, other.base);
        }

        String baseText() {
            return new String(base, 0, base.length);
        }
    }

    /** The words of one answer. */
    record Phrase(Word[] words) {

        /** The bases of all words, one space apart: what "closest" is measured on. */
        int[] joinedBase() {
            int length = Math.max(0, words.length - 1);
            for (Word word : words) {
                length += word.base.length;
            }
            int[] joined = new int[length];
            int at = 0;
            for (Word word : words) {
                if (at > 0) {
                    joined[at++] = ' ';
                }
                System.arraycopy(word.base, 0, joined, at, word.base.length);
                at += word.base.length;
            }
            return joined;
        }
    }
}
