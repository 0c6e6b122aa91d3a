package org.glossa.dictionary.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows sent to PostgreSQL with {@code COPY ... FROM STDIN (FORMAT binary)}, streamed while they are made: the
 * database stores the first rows while Java makes the next ones, nothing is escaped, and PostgreSQL parses no
 * text. Several times faster than a JDBC batch of inserts for the large rows of an import. PostgreSQL only
 * (H2 takes the JDBC batches); each value must be of the column's type, in the order of the column list.
 */
final class CopyRows implements AutoCloseable {

    private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
            0, 0, 0, 0 };
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final short columns;
    private byte[] buffer = new byte[FLUSH_AT + 8192];
    private int length;
    private int inRow;
    private long rows;
    private boolean done;

    /** Starts {@code copy <tableAndColumns> from stdin} on the connection, within its transaction. */
    CopyRows(Connection connection, String tableAndColumns, int columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + tableAndColumns + " from stdin (format binary)");
        this.columns = (short) columns;
        System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
        length = HEADER.length;
    }

    CopyRows uuid(UUID value) {
        if (value == null) {
            return nothing();
        }
        start(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    /** Text, varchar and json columns (json's binary form is its text). */
    CopyRows text(String value) {
        if (value == null) {
            return nothing();
        }
        return utf8(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Text already in UTF-8. */
    CopyRows utf8(byte[] bytes) {
        if (bytes == null) {
            return nothing();
        }
        start(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    CopyRows integer(Integer value) {
        if (value == null) {
            return nothing();
        }
        start(4);
        putInt(value);
        return this;
    }

    CopyRows smallint(int value) {
        start(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
        return this;
    }

    /** A timestamp with time zone: microseconds since 2000-01-01 UTC. */
    CopyRows timestamp(OffsetDateTime value) {
        if (value == null) {
            return nothing();
        }
        start(8);
        putLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH, value.toInstant()));
        return this;
    }

    private CopyRows nothing() {
        start(-1);
        return this;
    }

    /** A field's length (-1: null) with room for its bytes, after the row's field count for its first field. */
    private void start(int size) {
        ensure(Math.max(size, 0) + 10);
        if (inRow == 0) {
            buffer[length++] = (byte) (columns >>> 8);
            buffer[length++] = (byte) columns;
        }
        inRow++;
        putInt(size);
    }

    void endRow() throws SQLException {
        if (inRow != columns) {
            throw new IllegalStateException(inRow + " values for " + columns + " columns");
        }
        inRow = 0;
        rows++;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void putInt(int value) {
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    /** Ends the COPY; returns how many rows PostgreSQL took. */
    long end() throws SQLException {
        ensure(2);
        buffer[length++] = (byte) 0xff;
        buffer[length++] = (byte) 0xff;
        flush();
        done = true;
        long copied = copy.endCopy();
        if (copied != rows) {
            throw new IllegalStateException("COPY took " + copied + " of " + rows + " rows");
        }
        return copied;
    }

    /** Cancels a COPY that was not ended (an error while making its rows), so that the connection can go on. */
    @Override
    public void close() throws SQLException {
        if (!done && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
