package org.glossa.gamification.internal;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AchievementTiersTests {

    @Test
    void theStoredFormReadsBackToTheSameTiers() {
        AchievementTiers tiers = AchievementTiers.NONE.with("total-xp", 2).with("streak", 1).with("words-learned", 12);
        assertThat(tiers.format()).isEqualTo("streak=1 total-xp=2 words-learned=12");
        assertThat(AchievementTiers.parse(tiers.format())).isEqualTo(tiers);
        assertThat(AchievementTiers.parse("")).isEqualTo(AchievementTiers.NONE);
        assertThat(AchievementTiers.NONE.format()).isEmpty();
    }

    @Test
    void neverReadStaysUnknownRatherThanNone() {
        assertThat(AchievementTiers.parse(null)).isNull();
    }

    @Test
    void aTierOnlyEverGoesUp() {
        AchievementTiers tiers = new AchievementTiers(Map.of("streak", 3));
        assertThat(tiers.with("streak", 2).of("streak")).isEqualTo(3);
        assertThat(tiers.with("streak", 4).of("streak")).isEqualTo(4);
        assertThat(tiers.of("perfect-lessons")).isZero();
    }
}
