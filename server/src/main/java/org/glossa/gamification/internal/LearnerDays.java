package org.glossa.gamification.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.glossa.fsrs.DayBoundary;
import org.glossa.identity.AccountView;
import org.glossa.identity.Accounts;
import org.glossa.review.LearnerMemory;
import org.springframework.stereotype.Component;

/** A learner's day: their account's time zone and the day start hour of their memory settings. */
@Component
public class LearnerDays {

    private final Accounts accounts;
    private final LearnerMemory memory;

    LearnerDays(Accounts accounts, LearnerMemory memory) {
        this.accounts = accounts;
        this.memory = memory;
    }

    public DayBoundary of(UUID userId) {
        return learner(userId).boundary();
    }

    /** The learner's day boundary and daily XP goal (10, 20, 30 or 50), from one read of the account. */
    public Learner learner(UUID userId) {
        Optional<AccountView> account = accounts.find(userId);
        ZoneId zone = account.map(AccountView::timeZone).orElse(ZoneOffset.UTC);
        return new Learner(new DayBoundary(zone, memory.dayStartHour(userId)), account.map(AccountView::dailyGoal).orElse(10));
    }

    public int dailyGoal(UUID userId) {
        return accounts.find(userId).map(AccountView::dailyGoal).orElse(10);
    }

    public record Learner(DayBoundary boundary, int dailyGoal) {
    }
}
