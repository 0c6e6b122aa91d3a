package org.glossa.practice;

import java.util.List;
import java.util.UUID;

/**
 * Where a {@code review} session finds its items: the memory model, which lives in a module that
 * listens to practice and so cannot be called by it. Implemented by the review module.
 */
public interface ReviewItemSource {

    /** The learner's items of the course that are due, most at risk of being forgotten first. */
    List<UUID> dueItems(UUID userId, UUID courseId, int limit);
}
