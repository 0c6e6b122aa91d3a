package org.glossa.gamification.league;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Placement rules with the default settings: who goes up, who goes down, who gets gems. */
class LeagueSettingsTests {

    static final LeagueSettings DEFAULTS = new LeagueSettings(30, List.of(20, 15, 10, 7, 7, 7, 7, 7, 5, 0), 5,
            List.of(50, 30, 20));

    @ParameterizedTest(name = "{0}: rank {1} of {2} → {3}")
    @CsvSource({
            "BRONZE, 20, 30, PROMOTED", "BRONZE, 21, 30, STAYED", "BRONZE, 30, 30, STAYED",
            "SILVER, 15, 30, PROMOTED", "SILVER, 16, 30, STAYED", "SILVER, 25, 30, STAYED", "SILVER, 26, 30, DEMOTED",
            "GOLD, 10, 30, PROMOTED", "GOLD, 11, 30, STAYED", "GOLD, 30, 30, DEMOTED",
            "SAPPHIRE, 7, 30, PROMOTED", "PEARL, 7, 30, PROMOTED", "PEARL, 8, 30, STAYED",
            "OBSIDIAN, 5, 30, PROMOTED", "OBSIDIAN, 6, 30, STAYED", "OBSIDIAN, 26, 30, DEMOTED",
            "DIAMOND, 1, 30, STAYED", "DIAMOND, 25, 30, STAYED", "DIAMOND, 26, 30, DEMOTED",
            // Small cohorts: the bottom 5, but never the upper half, and never the promoted.
            "DIAMOND, 1, 1, STAYED", "DIAMOND, 1, 2, STAYED", "DIAMOND, 2, 2, DEMOTED", "DIAMOND, 4, 7, STAYED",
            "DIAMOND, 5, 7, DEMOTED", "SILVER, 8, 8, PROMOTED", "OBSIDIAN, 6, 8, DEMOTED", "OBSIDIAN, 5, 8, PROMOTED" })
    void outcomes(Tier tier, int rank, int size, Outcome expected) {
        assertThat(DEFAULTS.outcome(tier, rank, size)).isEqualTo(expected);
    }

    @Test
    void outcomesMoveOneTierWithinBronzeToDiamond() {
        assertThat(Outcome.PROMOTED.apply(Tier.BRONZE)).isEqualTo(Tier.SILVER);
        assertThat(Outcome.DEMOTED.apply(Tier.SILVER)).isEqualTo(Tier.BRONZE);
        assertThat(Outcome.STAYED.apply(Tier.DIAMOND)).isEqualTo(Tier.DIAMOND);
        assertThat(DEFAULTS.demotions(Tier.BRONZE)).isZero();
        assertThat(DEFAULTS.promotions(Tier.DIAMOND)).isZero();
    }

    @Test
    void thePodiumGetsGemsAndDeletedLearnersKeepTheirPlace() {
        assertThat(List.of(DEFAULTS.gemsFor(1), DEFAULTS.gemsFor(2), DEFAULTS.gemsFor(3), DEFAULTS.gemsFor(4)))
                .containsExactly(50, 30, 20, 0);
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        Ranking ranking = Ranking.parse(String.join(",", Ranking.GONE, ana.toString(), ben.toString()));
        assertThat(ranking.size()).isEqualTo(3);
        assertThat(ranking.rankOf(ben)).isEqualTo(3);
        assertThat(ranking.top(3)).containsExactly(new Ranking.Placed(ana, 2), new Ranking.Placed(ben, 3));
    }

    @Test
    void aPromotionListNeedsOneNumberPerTier() {
        assertThatThrownBy(() -> new LeagueSettings(30, List.of(20, 15), 5, List.of(50)))
                .hasMessageContaining("promotions");
    }
}
