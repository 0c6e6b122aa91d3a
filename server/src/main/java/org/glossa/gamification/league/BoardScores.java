package org.glossa.gamification.league;

import java.util.List;
import java.util.UUID;
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

    /**
     * Adds the XP to each board's score: the updates go in one batch (one round trip), and a board the learner has
     * no score on yet gets its row. Runs under the learner's league member lock, so no other writer adds the row meanwhile.
     */
    void add(UUID userId, int amount, List<Board> boards) {
        int[] updated = template.batchUpdate("""
                update gamification_board_score set xp = xp + ? where period = ? and scope = ? and user_id = ?
                """, boards, boards.size(), (ps, board) -> {
                    ps.setInt(1, amount);
                    ps.setString(2, board.period());
                    ps.setString(3, board.scope());
                    ps.setObject(4, userId);
                })[0];
        for (int i = 0; i < boards.size(); i++) {
            if (updated[i] == 0) {
                Board board = boards.get(i);
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
