package org.glossa.dictionary.internal;

import org.glossa.dictionary.EntryDocument;

/**
 * One record read from an import file: an entry, a bad line with the reason, or a line to skip (another
 * language than the one asked for, a blank line). {@code line} is the 1-based line number in the file.
 * {@code documentUtf8}, when a reader has it at hand, is the entry's document in UTF-8 (exactly
 * {@code entry.document().getBytes(UTF_8)}), so that it is not encoded again; null otherwise.
 */
record ImportRecord(long line, EntryDocument entry, String error, byte[] documentUtf8) {

    static ImportRecord entry(long line, EntryDocument entry) {
        return new ImportRecord(line, entry, null, null);
    }

    static ImportRecord entry(long line, EntryDocument entry, byte[] documentUtf8) {
        return new ImportRecord(line, entry, null, documentUtf8);
    }

    static ImportRecord bad(long line, String error) {
        return new ImportRecord(line, null, error, null);
    }

    static ImportRecord skip(long line) {
        return new ImportRecord(line, null, null, null);
    }

    boolean skipped() {
        return entry == null && error == null;
    }
}
