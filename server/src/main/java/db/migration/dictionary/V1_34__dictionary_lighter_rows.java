package db.migration.dictionary;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lighter rows for the import (issue 6), measured with PostgreSQL's COPY of the rows of 100,000 Wiktextract entries:
 * <ul>
 * <li>Search terms and source documents lose their foreign key to the entry (both databases): the check was a
 * lookup of the entry per row, 470,000 of them, and about a third of the COPY's time. The dictionary module writes
 * and replaces these rows itself, always with their entry, and deletes no entry.</li>
 * <li>PostgreSQL only: an entry's {@code content}, {@code field_sources} and each source's {@code document} become
 * {@code text} (written and read back whole, as JSON the module made or parsed itself): PostgreSQL no longer parses
 * 300 MB of JSON per 100,000 entries only to check it. lz4 stays where the server has it. H2 keeps its JSON type.</li>
 * <li>PostgreSQL only: {@code entry_key} compares bytes ({@code collate "C"}): it is only ever looked up for
 * equality, and the unique index no longer calls the locale's string comparison.</li>
 * </ul>
 * In Java because the foreign keys' names differ between the databases and the rest is PostgreSQL's alone. The
 * type change rewrites the two tables once.
 */
public class V1_34__dictionary_lighter_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        DatabaseMetaData meta = context.getConnection().getMetaData();
        boolean postgres = meta.getDatabaseProductName().toLowerCase().contains("postgresql");
        try (Statement statement = context.getConnection().createStatement()) {
            for (String table : List.of("dictionary_term", "dictionary_entry_source")) {
                for (String name : foreignKeysToEntries(meta, context.getConnection().getSchema(), table)) {
                    statement.execute("alter table " + table + " drop constraint \"" + name + "\"");
                }
            }
            if (!postgres) {
                return;
            }
            statement.execute("""
                    alter table dictionary_entry alter column content type text, alter column field_sources type text,
                        alter column entry_key type varchar(400) collate "C"
                    """);
            statement.execute("alter table dictionary_entry_source alter column document type text");
            boolean lz4;
            try (ResultSet rs = statement.executeQuery("""
                    select count(*) from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)
                    """)) {
                lz4 = rs.next() && rs.getInt(1) > 0;
            }
            if (lz4) { // a new type forgets the column's compression
                statement.execute("alter table dictionary_entry_source alter column document set compression lz4");
                statement.execute("alter table dictionary_entry alter column content set compression lz4");
            }
        }
    }

    private static List<String> foreignKeysToEntries(DatabaseMetaData meta, String schema, String table)
            throws Exception {
        List<String> names = new ArrayList<>();
        for (String spelled : List.of(table, table.toUpperCase())) { // H2 without DATABASE_TO_LOWER: upper case
            try (ResultSet rs = meta.getImportedKeys(null, schema, spelled)) {
                while (rs.next()) {
                    if (rs.getString("PKTABLE_NAME").equalsIgnoreCase("dictionary_entry")
                            && !names.contains(rs.getString("FK_NAME"))) {
                        names.add(rs.getString("FK_NAME"));
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no foreign key from " + table + " to dictionary_entry");
        }
        return names;
    }
}
