package org.glossa.gamification.league;

/** What a closed week did to a learner's tier. */
public enum Outcome {
    PROMOTED(1), STAYED(0), DEMOTED(-1);

    private final int step;

    Outcome(int step) {
        this.step = step;
    }

    public Tier apply(Tier tier) {
        return Tier.of(tier.ordinal() + step);
    }
}
