package org.glossa.practice.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.content.CourseOutline;
import org.glossa.content.CourseSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathProgressTests {

    private final UUID l1 = UUID.randomUUID();
    private final UUID l2 = UUID.randomUUID();
    private final UUID l3 = UUID.randomUUID();
    private final CourseOutline.Skill first = skill(l1, l2);
    private final CourseOutline.Skill empty = skill();
    private final CourseOutline.Skill third = skill(l3);
    private final CourseOutline.Skill openSkill = skill(UUID.randomUUID());

    private final CourseOutline outline = new CourseOutline(new CourseSummary(UUID.randomUUID(), "T", "es", "en", null,
            null, null, "PUBLISHED", 1, 4), List.of(), List.of(
            new CourseOutline.Section(UUID.randomUUID(), "One", 1, false, List.of(first, empty, third)),
            new CourseOutline.Section(UUID.randomUUID(), "Two", 2, true, List.of(openSkill))));

    private static CourseOutline.Skill skill(UUID... lessons) {
        return new CourseOutline.Skill(UUID.randomUUID(), "S", 1, List.of(), List.of(lessons));
    }

    @Test
    void theFirstSkillAndFreelyOpenSectionsAreOpenTheRestWaits() {
        PathProgress progress = PathProgress.of(outline, Map.of());

        assertThat(progress.skills().get(first.id()).lock()).isEqualTo(PathProgress.Lock.UNLOCKED);
        assertThat(progress.skills().get(empty.id()).lock()).isEqualTo(PathProgress.Lock.LOCKED);
        assertThat(progress.skills().get(third.id()).lock()).isEqualTo(PathProgress.Lock.LOCKED);
        assertThat(progress.skills().get(openSkill.id()).lock()).isEqualTo(PathProgress.Lock.UNLOCKED);
    }

    @Test
    void aSkillCompletesWhenEveryLessonIsDoneAndItsLevelCountsFullRounds() {
        PathProgress half = PathProgress.of(outline, Map.of(l1, 2));
        assertThat(half.skills().get(first.id())).isEqualTo(new PathProgress.SkillState(1, 2, 0, PathProgress.Lock.UNLOCKED));

        PathProgress done = PathProgress.of(outline, Map.of(l1, 3, l2, 2));
        assertThat(done.skills().get(first.id())).isEqualTo(new PathProgress.SkillState(2, 2, 2, PathProgress.Lock.COMPLETED));
        // A skill with nothing to learn does not stand in the way.
        assertThat(done.skills().get(empty.id()).lock()).isEqualTo(PathProgress.Lock.UNLOCKED);
        assertThat(done.skills().get(third.id()).lock()).isEqualTo(PathProgress.Lock.UNLOCKED);
    }
}
