package org.glossa.gamification.league;

import java.util.List;
import java.util.UUID;

/**
 * Reads leaderboards and keeps any copy of them beside the database in step. The database
 * ({@code gamification_board_score}) is always written first, in the XP's transaction; the Redis implementation
 * also keeps sorted sets, the database one reads the table.
 */
public interface Leaderboards {

    /**
     * One XP entry was counted on these boards (called inside the transaction that counted it). A copy beside the
     * database may be written while the transaction goes on: {@link Written#await} before the commit, which fails if
     * the copy could not be written, and {@link Written#undo} if the transaction rolls back after all.
     */
    Written counted(UUID entryId, UUID userId, int amount, List<Board> boards);

    /** A write of the boards under way. */
    interface Written {

        Written DONE = new Written() {
            @Override
            public void await() {
            }

            @Override
            public void undo() {
            }
        };

        /** Waits until the write is done; throws what made it fail. */
        void await();

        /** Takes the write back (its transaction rolled back): once, and only if it was applied. */
        void undo();
    }

    /** The learner left these boards (account deleted). */
    void removed(UUID userId, List<Board> boards);

    /** A page of the board, 0-based, and the learner's own place on it. */
    Page page(Board board, int page, int size, UUID me);

    record Row(long rank, UUID userId, long xp) {
    }

    /** {@code me} is null when the learner has no XP on this board. */
    record Page(List<Row> rows, long total, Row me) {
    }
}
