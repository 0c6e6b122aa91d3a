package org.glossa.answers;

/**
 * The verdict on one typed answer.
 *
 * @param verdict  how the answer compares with the accepted ones
 * @param expected the accepted answer closest to what was typed, as the editor wrote it with shorthand expanded
 *                 (whitespace tidied); {@code null} only when there was no accepted answer at all
 * @param note     what was off (the typo, the missing accent), or {@code null} when nothing is worth saying
 */
public record Check(Verdict verdict, String expected, String note) {

    /** Whether the answer counts as right: everything but {@link Verdict#WRONG}. */
    public boolean accepted() {
        return verdict != Verdict.WRONG;
    }
}
