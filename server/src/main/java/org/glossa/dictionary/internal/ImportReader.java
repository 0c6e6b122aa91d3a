package org.glossa.dictionary.internal;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads an import file record by record, streaming: nothing but the current line is held. Lines up to
 * {@code resumeAfter} are passed over without being parsed.
 */
interface ImportReader extends Closeable {

    /** The next record, or null at the end of the file. */
    ImportRecord next() throws IOException;

    /** Options of one import that the readers use. */
    record Options(String language, String glossLanguage, long resumeAfter) {
    }
}
