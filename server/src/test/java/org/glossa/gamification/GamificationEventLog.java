package org.glossa.gamification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every event gamification publishes, per learner, as any other module would hear it (a plain listener in the test
 * application context; nothing replaced). Tests read the events of the learners they created.
 */
@Component
public class GamificationEventLog {

    private final Map<UUID, List<Object>> byLearner = new ConcurrentHashMap<>();

    @EventListener
    void on(XpEarned event) {
        add(event.userId(), event);
    }

    @EventListener
    void on(DailyGoalMet event) {
        add(event.userId(), event);
    }

    @EventListener
    void on(StreakExtended event) {
        add(event.userId(), event);
    }

    @EventListener
    void on(StreakFrozen event) {
        add(event.userId(), event);
    }

    @EventListener
    void on(StreakLost event) {
        add(event.userId(), event);
    }

    @EventListener
    void on(QuestCompleted event) {
        add(event.userId(), event);
    }

    @EventListener
    void on(AchievementUnlocked event) {
        add(event.userId(), event);
    }

    private void add(UUID userId, Object event) {
        byLearner.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>()).add(event);
    }

    /** The learner's events of one type, in the order they were published. */
    public <T> List<T> of(UUID userId, Class<T> type) {
        return byLearner.getOrDefault(userId, List.of()).stream().filter(type::isInstance).map(type::cast).toList();
    }
}
