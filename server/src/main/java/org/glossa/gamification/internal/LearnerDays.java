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
        ZoneId zone = accounts.find(userId).map(AccountView::timeZone).orElse(ZoneOffset.UTC);
        return new DayBoundary(zone, memory.dayStartHour(userId));
    }

    /**
     * The learner's day boundary, daily XP goal (10, 20, 30 or 50) and words learned (the memory items met), from one
     * read of the account and one of their memory.
     */
    public Learner learner(UUID userId) {
        Optional<AccountView> account = accounts.find(userId);
        ZoneId zone = account.map(AccountView::timeZone).orElse(ZoneOffset.UTC);
        LearnerMemory.Summary remembered = memory.summary(userId);
        return new Learner(new DayBoundary(zone, remembered.dayStartHour()), account.map(AccountView::dailyGoal).orElse(10),
                remembered.itemsMet());
    }

    public int dailyGoal(UUID userId) {
        return accounts.find(userId).map(AccountView::dailyGoal).orElse(10);
    }

    public record Learner(DayBoundary boundary, int dailyGoal, long wordsLearned) {
    }
}
