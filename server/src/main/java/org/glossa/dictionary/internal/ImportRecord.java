package org.glossa.dictionary.internal;

import org.glossa.dictionary.EntryDocument;

/**
 * One record read from an import file: an entry, a bad line with the reason, or a line to skip (another
 * language than the one asked for, a blank line). {@code line} is the 1-based line number in the file.
 * {@code documentUtf8}, when a reader has it at hand, is the entry's document in UTF-8 (exactly
 * {@code document().getBytes(UTF_8)}), so that it is not encoded again; null otherwise. Where the reader has only
 * the bytes (Wiktextract lines, which are not decoded), the entry's own document is null: {@link #document()} is
 * the document either way.
 */
record ImportRecord(long line, EntryDocument entry, String error, byte[] documentUtf8) {

    /** The entry's source document: the entry's own, or else its UTF-8 decoded (null when there is no entry). */
    String document() {
        if (entry == null || entry.document() != null || documentUtf8 == null) {
            return entry == null ? null : entry.document();
        }
        return new String(documentUtf8, java.nio.charset.StandardCharsets.UTF_8);
    }

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
