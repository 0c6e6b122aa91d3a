package org.glossa.dictionary.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Uploaded import files, kept in the database in 1 MB chunks: every node that may run the import job
 * reads them there (no shared disk needed), the job streams them chunk by chunk, and they are deleted
 * with the import's end.
 */
@Component
class ImportFiles {

    static final int CHUNK = 1024 * 1024;

    private final JdbcClient jdbc;

    ImportFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the stream in chunks; returns its size in bytes. */
    long store(UUID importId, InputStream in) throws IOException {
        long size = 0;
        int seq = 0;
        byte[] chunk;
        while ((chunk = in.readNBytes(CHUNK)).length > 0) {
            jdbc.sql("insert into dictionary_import_chunk (import_id, seq, data) values (:id, :seq, :data)")
                    .param("id", importId).param("seq", seq++).param("data", chunk).update();
            size += chunk.length;
        }
        return size;
    }

    void delete(UUID importId) {
        jdbc.sql("delete from dictionary_import_chunk where import_id = :id").param("id", importId).update();
    }

    /** The stored file as a stream that loads one chunk at a time. */
    InputStream open(UUID importId) {
        return new InputStream() {
            private int seq;
            private byte[] chunk = new byte[0];
            private int position;
            private boolean done;

            private boolean fill() {
                while (!done && position >= chunk.length) {
                    Optional<byte[]> next = jdbc.sql("select data from dictionary_import_chunk where import_id = :id and seq = :seq")
                            .param("id", importId).param("seq", seq).query((rs, n) -> rs.getBytes(1)).optional();
                    if (next.isEmpty()) {
                        done = true;
                    } else {
                        chunk = next.get();
                        position = 0;
                        seq++;
                    }
                }
                return !done;
            }

            @Override
            public int read() {
                return fill() ? chunk[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, chunk.length - position);
                System.arraycopy(chunk, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
