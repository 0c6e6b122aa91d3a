package org.glossa.dictionary.internal;

import org.glossa.shared.runtime.Database;
import org.springframework.stereotype.Component;

/**
 * Writes JSON text into JSON columns on both databases: H2 stores a bound string as a JSON string unless
 * told {@code FORMAT JSON}; PostgreSQL needs a cast to {@code json} (the dictionary's JSON columns are {@code json}
 * there since V1_20).
 */
@Component
class JsonColumns {

    private final Database database;

    JsonColumns(Database database) {
        this.database = database;
    }

    /** The SQL for a JSON-typed parameter, e.g. {@code json("?")} or {@code json(":content")}. */
    String json(String parameter) {
        return database.postgres() ? "cast(" + parameter + " as json)" : parameter + " format json";
    }
}
