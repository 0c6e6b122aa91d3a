package org.glossa.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.glossa.identity.AccountView;
import org.glossa.identity.Accounts;
import org.glossa.shared.runtime.Statements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Other modules' reads of an account: one plain query of the columns they may know, without loading the entity (it
 * runs in every lesson's reaction and for every leaderboard row). Their callers read committed accounts: identity's
 * own changes reach them through events published after the change commits.
 */
@Component
class AccountsQuery implements Accounts {

    private final JdbcClient jdbc;
    private final StringListConverter lists = new StringListConverter();

    AccountsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String FIND = """
            select id, display_name, time_zone, native_language, learning_languages, daily_goal, reminder_time, enabled
            from identity_account where id = ?""";

    @Override
    public Optional<AccountView> find(UUID userId) {
        return jdbc.sql(FIND).param(userId).query((rs, n) -> view(rs)).optional();
    }

    @Override
    public Statements.Pending<Optional<AccountView>> find(Statements batch, UUID userId) {
        return batch.read(FIND, rs -> rs.next() ? Optional.of(view(rs)) : Optional.empty(), userId);
    }

    private AccountView view(ResultSet rs) throws SQLException {
        return new AccountView(rs.getObject(1, UUID.class), rs.getString(2), ZoneId.of(rs.getString(3)), rs.getString(4),
                List.copyOf(lists.convertToEntityAttribute(rs.getString(5))), rs.getInt(6),
                rs.getObject(7, LocalTime.class), rs.getBoolean(8));
    }
}
