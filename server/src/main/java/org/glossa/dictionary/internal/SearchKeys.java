package org.glossa.dictionary.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds words into search keys, in Java so that H2 and PostgreSQL agree: lower case, accents and other
 * diacritics removed where a learner may leave them out (Latin, Greek, Cyrillic, Arabic and Hebrew
 * scripts: {@code niño} and {@code nino} fold alike), kept where they make another letter (Japanese
 * dakuten, Indic vowel signs, the breve of Cyrillic й), whitespace collapsed.
 */
public final class SearchKeys {

    /** Longest key stored; longer words and forms are not searchable. */
    public static final int MAX_LENGTH = 300;

    private SearchKeys() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String ascii = foldAscii(text);
        return ascii != null ? ascii : foldAnyScript(text);
    }

    /**
     * The fold of a text written in ASCII alone, which is what {@link #foldAnyScript} gives it without its Unicode
     * normalizations and character lookups (ASCII has no marks, no letters that fold to others, and is its own NFD and
     * NFC): whitespace collapsed, lower case. Most forms and lemmas of an import are ASCII, and folding them was a
     * tenth of the import's writing threads. Null when the text has another character.
     */
    static String foldAscii(String text) {
        byte[] out = new byte[text.length()];
        int length = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1c && c <= 0x1f) { // Character.isWhitespace in ASCII
                space = length > 0;
                continue;
            }
            if (space) {
                out[length++] = ' ';
                space = false;
            }
            out[length++] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return new String(out, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The fold of any text (see the class). */
    static String foldAnyScript(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript baseScript = null;
        boolean space = false;
        for (int i = 0; i < decomposed.length();) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                if (!dropsMark(baseScript, cp)) {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                baseScript = null;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            baseScript = Character.UnicodeScript.of(cp);
            switch (cp) {
                case 'ß', 'ẞ' -> out.append("ss");
                case 'æ', 'Æ' -> out.append("ae");
                case 'œ', 'Œ' -> out.append("oe");
                case 'ø', 'Ø' -> out.append('o');
                case 'ł', 'Ł' -> out.append('l');
                case 'đ', 'Đ' -> out.append('d');
                case 'ı' -> out.append('i');
                case 'ς' -> out.append('σ');
                case '’', 'ʼ', '‘' -> out.append('\'');
                default -> out.appendCodePoint(cp);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static boolean dropsMark(Character.UnicodeScript base, int mark) {
        if (base == null) {
            return false; // a mark on its own (a Thai vowel sign as a headword) is the word
        }
        return switch (base) {
            case LATIN, GREEK, ARABIC, HEBREW, COMMON -> true;
            case CYRILLIC -> mark != 0x0306; // й and ў are letters of their own
            default -> false;
        };
    }

    /** The words of a sentence or phrase, as written (punctuation around them removed). */
    public static java.util.List<String> words(String text) {
        if (text == null) {
            return java.util.List.of();
        }
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String token : text.split("[\\s\\p{Z}]+")) {
            String word = token.replaceAll("^[\\p{P}\\p{S}&&[^'’-]]+|[\\p{P}\\p{S}&&[^'’-]]+$", "")
                    .replaceAll("^['’-]+|['’-]+$", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
