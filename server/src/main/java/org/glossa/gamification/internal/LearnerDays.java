package org.glossa.gamification.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.glossa.fsrs.DayBoundary;
import org.glossa.identity.AccountView;
import org.glossa.identity.Accounts;
import org.glossa.practice.LearnerProgress;
import org.glossa.review.LearnerMemory;
import org.glossa.shared.runtime.Database;
import org.glossa.shared.runtime.Statements;
import org.springframework.stereotype.Component;

/** A learner's day: their account's time zone and the day start hour of their memory settings. */
@Component
public class LearnerDays {

    private final Accounts accounts;
    private final LearnerMemory memory;
    private final LearnerProgress progress;
    private final Database database;

    LearnerDays(Accounts accounts, LearnerMemory memory, LearnerProgress progress, Database database) {
        this.accounts = accounts;
        this.memory = memory;
        this.progress = progress;
        this.database = database;
    }

    public DayBoundary of(UUID userId) {
        ZoneId zone = accounts.find(userId).map(AccountView::timeZone).orElse(ZoneOffset.UTC);
        return new DayBoundary(zone, memory.dayStartHour(userId));
    }

    /**
     * The learner's day boundary, daily XP goal (10, 20, 30 or 50), words learned (the memory items met) and, with
     * {@code skills}, the skills they have completed (-1 without): the account's, the memory's and the course
     * progress's reads in one round trip.
     */
    public Learner learner(UUID userId, boolean skills) {
        Statements reads = new Statements();
        Statements.Pending<Optional<AccountView>> found = accounts.find(reads, userId);
        Statements.Pending<LearnerMemory.Summary> summary = memory.summary(reads, userId);
        Statements.Pending<Integer> completed = skills ? progress.skillsCompleted(reads, userId) : null;
        List<Object> results = database.run(reads);
        Optional<AccountView> account = found.of(results);
        ZoneId zone = account.map(AccountView::timeZone).orElse(ZoneOffset.UTC);
        LearnerMemory.Summary remembered = summary.of(results);
        return new Learner(new DayBoundary(zone, remembered.dayStartHour()), account.map(AccountView::dailyGoal).orElse(10),
                remembered.itemsMet(), completed == null ? -1 : completed.of(results));
    }

    public int dailyGoal(UUID userId) {
        return accounts.find(userId).map(AccountView::dailyGoal).orElse(10);
    }

    public record Learner(DayBoundary boundary, int dailyGoal, long wordsLearned, int skillsCompleted) {
    }
}
