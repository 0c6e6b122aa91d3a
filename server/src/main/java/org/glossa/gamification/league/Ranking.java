package org.glossa.gamification.league;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A closed cohort's final order, as stored in {@code gamification_league_cohort.ranking}: the learners' ids,
 * first place first, comma-separated. A deleted learner's id is replaced by {@link #GONE}, so ranks never shift.
 */
record Ranking(List<String> ids) {

    static final String GONE = "00000000-0000-0000-0000-000000000000";

    static Ranking parse(String text) {
        return new Ranking(text == null || text.isEmpty() ? List.of() : List.of(text.split(",")));
    }

    int size() {
        return ids.size();
    }

    /** 1-based; 0 when the learner is not in it. */
    int rankOf(UUID userId) {
        return ids.indexOf(userId.toString()) + 1;
    }

    /** The learners still with an account among the first {@code places}, with their rank. */
    List<Placed> top(int places) {
        List<Placed> top = new ArrayList<>();
        for (int i = 0; i < Math.min(places, ids.size()); i++) {
            if (!GONE.equals(ids.get(i))) {
                top.add(new Placed(UUID.fromString(ids.get(i)), i + 1));
            }
        }
        return top;
    }

    record Placed(UUID userId, int rank) {
    }
}
