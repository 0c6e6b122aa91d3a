package org.glossa.gamification.internal;

import java.time.Instant;
import java.util.UUID;
import org.glossa.practice.SessionKind;
import org.glossa.practice.SessionXp;
import org.springframework.stereotype.Component;

/**
 * The XP rules, in one place: practice asks them when a session completes (the reply shows the result) and the
 * ledger records exactly the XP the {@code LessonCompleted} event carries, split into its sources.
 */
@Component
class XpRules implements SessionXp {

    private final GamificationSettings settings;
    private final LearnerDays days;

    XpRules(GamificationSettings settings, LearnerDays days) {
        this.settings = settings;
        this.days = days;
    }

    @Override
    public Instant dayStart(UUID userId, Instant at) {
        var boundary = days.of(userId);
        return boundary.dayOf(at).atTime(boundary.startHour(), 0).atZone(boundary.zone()).toInstant();
    }

    /** Lesson: 10, +5 without mistakes. Practice, mistakes, review: 10 for the day's first, 5 for each further. */
    @Override
    public int xpFor(SessionKind kind, boolean perfect, int earlierSameDay) {
        if (kind == SessionKind.LESSON) {
            return settings.lessonXp() + (perfect ? settings.perfectBonusXp() : 0);
        }
        return earlierSameDay == 0 ? settings.practiceXp() : settings.repeatedPracticeXp();
    }

    /** The part of a lesson's XP that is the bonus for no mistakes (the rest is the lesson's own). */
    int bonusPart(SessionKind kind, boolean perfect, int xp) {
        return kind == SessionKind.LESSON && perfect ? Math.min(settings.perfectBonusXp(), xp) : 0;
    }
}
