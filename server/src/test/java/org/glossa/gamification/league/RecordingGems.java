package org.glossa.gamification.league;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glossa.gamification.Gems;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY test double until the gem ledger of the gamification core lands on main: records grants, once per
 * (user, reference) as the {@link Gems} contract says. Delete when the real ledger is there.
 */
@Component
class RecordingGems implements Gems {

    final List<GemGrant> granted = new CopyOnWriteArrayList<>();
    final List<List<GemGrant>> calls = new CopyOnWriteArrayList<>();
    private final Set<String> references = ConcurrentHashMap.newKeySet();

    @Override
    public int balance(UUID userId) {
        return granted.stream().filter(g -> g.userId().equals(userId)).mapToInt(GemGrant::amount).sum();
    }

    @Override
    public int grant(List<GemGrant> grants) {
        calls.add(List.copyOf(grants));
        int fresh = 0;
        for (GemGrant grant : grants) {
            if (references.add(grant.userId() + "|" + grant.reference())) {
                granted.add(grant);
                fresh++;
            }
        }
        return fresh;
    }
}
