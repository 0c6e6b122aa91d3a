package org.glossa.dictionary.internal;

import java.util.UUID;
import org.glossa.identity.AccountDeleted;
import org.glossa.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The dictionary holds one thing about a person: which imports an editor started. Exported on request;
 * when the account goes, the imports stay (the entries came from them) without the name of who started them.
 */
@Component
class DictionaryData implements PersonalData {

    private final JdbcClient jdbc;

    DictionaryData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "dictionary";
    }

    @Override
    public Object export(UUID userId) {
        return java.util.Map.of("imports", jdbc.sql("""
                select id, format, source, file_name, state, requested_at, finished_at from dictionary_import
                where requested_by = :u order by requested_at
                """).param("u", userId).query().listOfRows());
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        jdbc.sql("update dictionary_import set requested_by = null where requested_by = :u")
                .param("u", deleted.userId()).update();
    }
}
