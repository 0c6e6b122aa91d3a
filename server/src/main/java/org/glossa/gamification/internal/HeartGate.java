package org.glossa.gamification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.glossa.practice.SessionAdmission;
import org.glossa.practice.SessionKind;
import org.glossa.shared.ApiProblem;
import org.springframework.stereotype.Component;

/** Refuses a new lesson to a learner without hearts (403 naming when the next one comes); other sessions pass. */
@Component
class HeartGate implements SessionAdmission {

    private final Learners learners;
    private final Rewards rewards;
    private final GamificationSettings settings;
    private final Clock clock;

    HeartGate(Learners learners, Rewards rewards, GamificationSettings settings, Clock clock) {
        this.learners = learners;
        this.rewards = rewards;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void admit(UUID userId, SessionKind kind) {
        if (kind != SessionKind.LESSON || rewards.unlimitedHearts(userId)) {
            return;
        }
        Hearts hearts = learners.read(userId).hearts().refreshed(clock.instant(), settings.maxHearts(),
                settings.heartRefill());
        if (hearts.current() == 0) {
            Instant next = hearts.nextRefillAt(settings.heartRefill());
            throw ApiProblem.forbidden("You have no hearts left: the next one comes at " + next
                    + ". Practise to earn one now, or refill them in the shop.").with("nextHeartAt", next);
        }
    }
}
