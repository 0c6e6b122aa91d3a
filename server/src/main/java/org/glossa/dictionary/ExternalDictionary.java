package org.glossa.dictionary;

import java.util.List;

/**
 * An outside dictionary (for example an HTTP API) asked when a search finds nothing. Implement it as a
 * bean; the dictionary module calls it on a search miss for a whole word, stores what it returns with
 * {@link #source()} and {@link #license()}, and searches again. Implementations deal with their own
 * timeouts, retries, rate limits and caching, and return an empty list rather than throw when the
 * service has nothing or is unavailable.
 */
public interface ExternalDictionary {

    /** A short, stable name stored with every entry it gave, such as {@code free-dictionary-api}. */
    String source();

    /** The license of what it returns, stored with every entry. */
    String license();

    /** Whether this dictionary knows {@code language} at all; no call is made for the others. */
    boolean supports(String language);

    List<EntryDocument> lookup(String language, String word);
}
