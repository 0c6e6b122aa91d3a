package org.glossa.gamification.league;

import java.util.List;
import java.util.UUID;
import org.glossa.shared.runtime.Statements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The database's record of every board's scores; the source Redis boards are rebuilt from. */
@Component
class BoardScores {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BoardScores(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    private static final String UPDATE =
            "update gamification_board_score set xp = xp + ? where period = ? and scope = ? and user_id = ?";

    /**
     * Adds the XP to each board's score, in two steps so that the updates can go in the caller's batch of statements:
     * this adds one update per board to {@code statements} and returns their indexes among the results.
     */
    int[] add(Statements statements, UUID userId, int amount, List<Board> boards) {
        int[] indexes = new int[boards.size()];
        for (int i = 0; i < boards.size(); i++) {
            Board board = boards.get(i);
            indexes[i] = statements.update(UPDATE, amount, board.period(), board.scope(), userId);
        }
        return indexes;
    }

    /**
     * The second step, once the updates have run ({@code updated}: their counts): a board the learner has no score
     * on yet gets its row. Runs under the learner's league member lock, so no other writer adds the row meanwhile.
     */
    void insertMissing(UUID userId, int amount, List<Board> boards, int[] updated) {
        for (int i = 0; i < boards.size(); i++) {
            if (updated[i] == 0) {
                Board board = boards.get(i);
                // Again, now that the caller holds the member lock: a concurrent first XP may have added the row and
                // committed between the batch's update and the lock.
                if (jdbc.sql(UPDATE).params(amount, board.period(), board.scope(), userId).update() == 1) {
                    continue;
                }
                int inserted = jdbc.sql("""
                        insert into gamification_board_score (period, scope, user_id, xp) values (:period, :scope, :u, :xp)
                        on conflict do nothing
                        """).param("xp", amount).param("period", board.period()).param("scope", board.scope())
                        .param("u", userId).update();
                if (inserted == 0) {
                    throw new IllegalStateException("board score of " + userId + " written outside the member lock");
                }
            }
        }
    }

    List<Board> boardsOf(UUID userId) {
        return jdbc.sql("select period, scope from gamification_board_score where user_id = :u").param("u", userId)
                .query((rs, n) -> new Board(rs.getString("period"), rs.getString("scope"))).list();
    }

    void delete(UUID userId) {
        jdbc.sql("delete from gamification_board_score where user_id = :u").param("u", userId).update();
    }
}
