package org.glossa.fsrs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a review log into {@link TrainingItem}s as fsrs-rs's converter does: each card's reviews in time order, the
 * elapsed days between them counted in the learner's days, one item for every review made on a later day than the one
 * before it, carrying the card's whole history up to it. Items come out ordered by the time of their predicted review,
 * which the optimizer's recency weights rely on.
 */
public final class ReviewLog {

    /** One line of a review log. Manual entries (rating 0) are not reviews and are dropped before this. */
    public record Entry(String cardId, Instant time, Rating rating) {
        public Entry {
            if (cardId == null || time == null || rating == null) {
                throw new IllegalArgumentException("card id, time and rating are required, got " + cardId + ", "
                    + time + ", " + rating);
            }
        }
    }

    private ReviewLog() {
    }

    /** The training items of a log (entries in any order). */
    public static List<TrainingItem> items(List<Entry> entries, DayBoundary days) {
        record Timed(Instant time, TrainingItem item) {
        }
        Map<String, List<Entry>> byCard = new LinkedHashMap<>();
        for (Entry e : entries) {
            byCard.computeIfAbsent(e.cardId(), k -> new ArrayList<>()).add(e);
        }
        List<Timed> timed = new ArrayList<>();
        for (List<Entry> card : byCard.values()) {
            card.sort(Comparator.comparing(Entry::time));
            int n = card.size();
            int[] elapsed = new int[n];
            int[] grades = new int[n];
            for (int i = 0; i < n; i++) {
                elapsed[i] = i == 0 ? 0 : (int) days.elapsedDays(card.get(i - 1).time(), card.get(i).time());
                grades[i] = card.get(i).rating().grade();
            }
            for (int i = 1; i < n; i++) {
                if (elapsed[i] > 0) {
                    timed.add(new Timed(card.get(i).time(), new TrainingItem(
                        java.util.Arrays.copyOf(elapsed, i + 1), java.util.Arrays.copyOf(grades, i + 1))));
                }
            }
        }
        timed.sort(Comparator.comparing(Timed::time));
        return timed.stream().map(Timed::item).toList();
    }
}
