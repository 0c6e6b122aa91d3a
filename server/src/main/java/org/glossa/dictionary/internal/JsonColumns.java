package org.glossa.dictionary.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Writes JSON text into JSON columns on both databases: H2 stores a bound string as a JSON string unless
 * told {@code FORMAT JSON}; PostgreSQL needs a cast to {@code json} (the dictionary's JSON columns are {@code json}
 * there since V1_20).
 */
@Component
class JsonColumns {

    private final boolean h2;

    JsonColumns(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    /** The SQL for a JSON-typed parameter, e.g. {@code json("?")} or {@code json(":content")}. */
    String json(String parameter) {
        return h2 ? parameter + " format json" : "cast(" + parameter + " as json)";
    }

    boolean postgres() {
        return !h2;
    }
}
