package org.glossa.answers;

/**
 * How a typed answer compares with the accepted ones. When several accepted answers fit, the checker prefers
 * {@link #CORRECT}, then {@link #ACCENT}, then {@link #TYPO} (a diacritic is a lesser slip than a wrong letter); only
 * {@link #WRONG} is refused.
 */
public enum Verdict {

    /** The same answer once case, punctuation, spacing and apostrophe or quote variants are set aside. */
    CORRECT,

    /** One or more words of 5 or more letters carry one slip each (insertion, deletion, substitution or swap). */
    TYPO,

    /** Only Latin, Greek or Cyrillic diacritics are missing or wrong. */
    ACCENT,

    /** Anything else. */
    WRONG
}
