package org.glossa.gamification.league;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Leaderboards read straight from {@code gamification_board_score}: where no Redis is configured. */
class DatabaseLeaderboards implements Leaderboards {

    private final JdbcClient jdbc;

    DatabaseLeaderboards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Written counted(UUID entryId, UUID userId, int amount, List<Board> boards) {
        return Written.DONE; // the table is the board
    }

    @Override
    public void removed(UUID userId, List<Board> boards) {
        // The table is the board.
    }

    @Override
    public Page page(Board board, int page, int size, UUID me) {
        long offset = (long) page * size;
        List<Row> rows = jdbc.sql("""
                select user_id, xp from gamification_board_score where period = :period and scope = :scope
                order by xp desc, user_id limit :size offset :offset
                """).param("period", board.period()).param("scope", board.scope()).param("size", size)
                .param("offset", offset).query((rs, n) -> new Row(offset + n + 1, rs.getObject("user_id", UUID.class),
                        rs.getLong("xp")))
                .list();
        long total = jdbc.sql("select count(*) from gamification_board_score where period = :period and scope = :scope")
                .param("period", board.period()).param("scope", board.scope()).query(Long.class).single();
        Row mine = jdbc.sql("""
                select xp from gamification_board_score where period = :period and scope = :scope and user_id = :u
                """).param("period", board.period()).param("scope", board.scope()).param("u", me).query(Long.class)
                .optional().map(xp -> new Row(1 + jdbc.sql("""
                        select count(*) from gamification_board_score where period = :period and scope = :scope
                          and (xp > :xp or (xp = :xp and user_id < :u))
                        """).param("period", board.period()).param("scope", board.scope()).param("xp", xp)
                        .param("u", me).query(Long.class).single(), me, xp))
                .orElse(null);
        return new Page(rows, total, mine);
    }
}
