package org.glossa.gamification.league;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The database's record of every board's scores; the source Redis boards are rebuilt from. */
@Component
class BoardScores {

    private final JdbcClient jdbc;

    BoardScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID userId, int amount, List<Board> boards) {
        for (Board board : boards) {
            for (int attempt = 0; attempt < 3; attempt++) {
                int updated = jdbc.sql("""
                        update gamification_board_score set xp = xp + :xp
                        where period = :period and scope = :scope and user_id = :u
                        """).param("xp", amount).param("period", board.period()).param("scope", board.scope())
                        .param("u", userId).update();
                if (updated > 0 || jdbc.sql("""
                        insert into gamification_board_score (period, scope, user_id, xp)
                        values (:period, :scope, :u, :xp) on conflict do nothing
                        """).param("xp", amount).param("period", board.period()).param("scope", board.scope())
                        .param("u", userId).update() > 0) {
                    break;
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
