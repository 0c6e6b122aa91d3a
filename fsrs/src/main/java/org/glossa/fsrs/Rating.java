package org.glossa.fsrs;

/**
 * The learner's answer to a review: 1 Again (forgotten), 2 Hard, 3 Good, 4 Easy.
 *
 * <p>Manual reschedules (rating 0 in FSRS logs) are not ratings: they leave the memory state unchanged, so callers
 * skip them instead of passing them here.
 */
public enum Rating {
    AGAIN(1), HARD(2), GOOD(3), EASY(4);

    private static final Rating[] BY_GRADE = {null, AGAIN, HARD, GOOD, EASY};

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    /** The numeric grade used by the FSRS formulas (1..4). */
    public int grade() {
        return grade;
    }

    /** The rating for a numeric grade 1..4. */
    public static Rating of(int grade) {
        if (grade < 1 || grade > 4) {
            throw new IllegalArgumentException("rating must be 1 (Again) to 4 (Easy), was " + grade);
        }
        return BY_GRADE[grade];
    }

    /** Whether this rating counts as recalled (anything but Again), the label the optimizer learns from. */
    public boolean recalled() {
        return this != AGAIN;
    }
}
