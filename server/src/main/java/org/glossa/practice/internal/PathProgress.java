package org.glossa.practice.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.content.CourseOutline;

/**
 * A learner's progress along a course's path: per lesson how often it was completed, per skill the
 * lessons done, its level (how many times every lesson of it was completed) and whether it is
 * open. A skill opens when the one before it on the path is completed (level 1), or when its section
 * is freely open; the first skill is always open. A skill without lessons does not hold back the ones
 * after it.
 */
record PathProgress(Map<UUID, Integer> lessonTimes, Map<UUID, SkillState> skills) {

    enum Lock { LOCKED, UNLOCKED, COMPLETED }

    record SkillState(int lessonsDone, int lessonCount, int level, Lock lock) {
    }

    static PathProgress of(CourseOutline outline, Map<UUID, Integer> lessonTimes) {
        Map<UUID, SkillState> skills = new HashMap<>();
        boolean previousCompleted = true;
        for (CourseOutline.Section section : outline.sections()) {
            for (CourseOutline.Skill skill : section.skills()) {
                List<UUID> lessons = skill.lessonIds();
                if (lessons.isEmpty()) {
                    // Nothing to learn yet: open when reachable, and never a wall in front of the skills after it.
                    skills.put(skill.id(), new SkillState(0, 0, 0,
                            previousCompleted || section.freelyOpen() ? Lock.UNLOCKED : Lock.LOCKED));
                    continue;
                }
                int done = (int) lessons.stream().filter(l -> lessonTimes.getOrDefault(l, 0) > 0).count();
                int level = lessons.stream().mapToInt(l -> lessonTimes.getOrDefault(l, 0)).min().orElse(0);
                Lock lock = level > 0 ? Lock.COMPLETED
                        : previousCompleted || section.freelyOpen() ? Lock.UNLOCKED : Lock.LOCKED;
                skills.put(skill.id(), new SkillState(done, lessons.size(), level, lock));
                previousCompleted = level > 0;
            }
        }
        return new PathProgress(lessonTimes, skills);
    }
}
