package org.glossa.gamification;

/** What earned an entry of the XP ledger. */
public enum XpSource {
    LESSON, PERFECT_LESSON_BONUS, PRACTICE, MISTAKES, REVIEW
}
