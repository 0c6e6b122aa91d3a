package db.migration.dictionary;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The dictionary's JSON columns (an entry's content and field sources, each source's whole document) become
 * {@code json} on PostgreSQL: Glossa only ever reads them back whole, and {@code jsonb} made every import parse
 * and rebuild each 2 KB document for nothing. Source documents are compressed with lz4 where the server has it
 * (PostgreSQL 14 or later, built with lz4): several times cheaper to write than the default pglz. H2 already
 * stores {@code json}: nothing changes there. In Java because the compression is PostgreSQL's alone.
 */
public class V1_20__dictionary_json_text extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!product.toLowerCase().contains("postgresql")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    alter table dictionary_entry alter column content type json, alter column field_sources type json
                    """);
            statement.execute("alter table dictionary_entry_source alter column document type json");
            boolean lz4;
            try (ResultSet rs = statement.executeQuery("""
                    select count(*) from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)
                    """)) {
                lz4 = rs.next() && rs.getInt(1) > 0;
            }
            if (lz4) {
                statement.execute("alter table dictionary_entry_source alter column document set compression lz4");
                statement.execute("alter table dictionary_entry alter column content set compression lz4");
            }
        }
    }
}
