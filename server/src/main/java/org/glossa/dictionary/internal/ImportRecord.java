package org.glossa.dictionary.internal;

import org.glossa.dictionary.EntryDocument;

/**
 * One record read from an import file: an entry, a bad line with the reason, or a line to skip (another
 * language than the one asked for, a blank line). {@code line} is the 1-based line number in the file.
 */
record ImportRecord(long line, EntryDocument entry, String error) {

    static ImportRecord entry(long line, EntryDocument entry) {
        return new ImportRecord(line, entry, null);
    }

    static ImportRecord bad(long line, String error) {
        return new ImportRecord(line, null, error);
    }

    static ImportRecord skip(long line) {
        return new ImportRecord(line, null, null);
    }

    boolean skipped() {
        return entry == null && error == null;
    }
}
