package org.glossa.gamification.league;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Weekly leagues ({@code glossa.gamification.leagues.*}).
 *
 * @param cohortSize at most this many learners share a cohort
 * @param promotions how many of the top of a cohort go up, per tier from Bronze to Diamond (Diamond: 0)
 * @param demotions how many of the bottom of a cohort go down (never from Bronze)
 * @param podiumGems gems for the 1st, 2nd and 3rd of each cohort when the week closes
 */
@ConfigurationProperties("glossa.gamification.leagues")
public record LeagueSettings(
        @DefaultValue("30") int cohortSize,
        @DefaultValue({ "20", "15", "10", "7", "7", "7", "7", "7", "5", "0" }) List<Integer> promotions,
        @DefaultValue("5") int demotions,
        @DefaultValue({ "50", "30", "20" }) List<Integer> podiumGems) {

    public LeagueSettings {
        if (cohortSize < 1) {
            throw new IllegalArgumentException("glossa.gamification.leagues.cohort-size must be at least 1");
        }
        if (promotions.size() != Tier.values().length) {
            throw new IllegalArgumentException("glossa.gamification.leagues.promotions needs one number per tier ("
                    + Tier.values().length + ")");
        }
        promotions = List.copyOf(promotions);
        podiumGems = List.copyOf(podiumGems);
    }

    public int promotions(Tier tier) {
        return tier.highest() ? 0 : promotions.get(tier.ordinal());
    }

    public int demotions(Tier tier) {
        return tier.lowest() ? 0 : demotions;
    }

    /**
     * The outcome of finishing {@code rank} of {@code size} in a cohort of {@code tier}: promoted in the top
     * {@link #promotions(Tier)}; otherwise demoted in the bottom {@link #demotions(Tier)}, but never in the upper
     * half of the cohort (so a small cohort does not demote its leaders); otherwise stayed.
     */
    public Outcome outcome(Tier tier, int rank, int size) {
        if (rank <= promotions(tier)) {
            return Outcome.PROMOTED;
        }
        if (rank > size - demotions(tier) && rank > (size + 1) / 2) {
            return Outcome.DEMOTED;
        }
        return Outcome.STAYED;
    }

    /** Gems for a final rank, 0 off the podium. */
    public int gemsFor(int rank) {
        return rank >= 1 && rank <= podiumGems.size() ? podiumGems.get(rank - 1) : 0;
    }
}
