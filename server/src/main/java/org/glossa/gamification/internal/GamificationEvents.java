package org.glossa.gamification.internal;

import org.glossa.gamification.LeagueWeekClosed;
import org.glossa.gamification.league.LeagueXp;
import org.glossa.practice.ExerciseAnswered;
import org.glossa.practice.LessonCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Where practice's and the leagues' events enter gamification (after their transaction commits, once each). */
@Component
class GamificationEvents {

    private final Rewards rewards;
    private final LeagueXp leagues;

    GamificationEvents(Rewards rewards, LeagueXp leagues) {
        this.rewards = rewards;
        this.leagues = leagues;
    }

    /**
     * Not {@code @ApplicationModuleListener}'s own transaction: ended league weeks are closed first (in theirs), and
     * only then does the reaction's transaction lock the learner's rows. The registry still tracks the publication.
     */
    @Async
    @TransactionalEventListener
    void on(LessonCompleted completed) {
        leagues.prepare();
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
