package org.glossa.gamification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One of the learner's daily quests of {@code localDate} was completed and rewarded with {@code gems}. */
public record QuestCompleted(UUID userId, LocalDate localDate, String quest, int gems, Instant completedAt) {
}
