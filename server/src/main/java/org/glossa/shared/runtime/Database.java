package org.glossa.shared.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database the server runs on: PostgreSQL in production, H2 (PostgreSQL mode) as the embedded default. For the
 * few places that use what only PostgreSQL offers (COPY, asynchronous commit, set-based statements H2 lacks) and keep
 * a portable path for H2. Asked of the first connection, once.
 */
@Component
public class Database {

    private final DataSource dataSource;
    private volatile Boolean postgres;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell which database this is", e);
            }
            postgres = known;
        }
        return known;
    }
}
