package org.glossa.gamification.internal;

import org.glossa.gamification.LeagueWeekClosed;
import org.glossa.practice.ExerciseAnswered;
import org.glossa.practice.LessonCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Where practice's and the leagues' events enter gamification (after their transaction commits, once each). */
@Component
class GamificationEvents {

    private final Rewards rewards;

    GamificationEvents(Rewards rewards) {
        this.rewards = rewards;
    }

    @ApplicationModuleListener
    void on(LessonCompleted completed) {
        rewards.completed(completed);
    }

    @ApplicationModuleListener
    void on(ExerciseAnswered answered) {
        rewards.answered(answered);
    }

    @ApplicationModuleListener
    void on(LeagueWeekClosed closed) {
        rewards.weekClosed(closed);
    }
}
