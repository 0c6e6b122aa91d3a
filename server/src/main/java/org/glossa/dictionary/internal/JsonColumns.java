package org.glossa.dictionary.internal;

import org.glossa.shared.runtime.Database;
import org.springframework.stereotype.Component;

/**
 * Writes JSON text into the dictionary's JSON columns on both databases: H2 stores a bound string as a JSON string
 * unless told {@code FORMAT JSON}; on PostgreSQL these columns are {@code text} since V1_34 (the JSON is made or parsed
 * by the module itself and read back whole), so the string goes in as it is.
 */
@Component
class JsonColumns {

    private final Database database;

    JsonColumns(Database database) {
        this.database = database;
    }

    /** The SQL for a JSON-typed parameter, e.g. {@code json("?")} or {@code json(":content")}. */
    String json(String parameter) {
        return database.postgres() ? parameter : parameter + " format json";
    }
}
