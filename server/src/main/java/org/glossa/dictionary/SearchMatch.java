package org.glossa.dictionary;

import java.util.UUID;

/**
 * One search result: the entry, the word it matched on ({@code matched}, a lemma or an inflected form),
 * how it matched, and a one-line summary of its meanings.
 */
public record SearchMatch(UUID id, String lemma, String partOfSpeech, String matched, Match match,
        Integer frequencyRank, String summary) {

    /** Best first. */
    public enum Match {
        EXACT_LEMMA, EXACT_FORM, PREFIX_LEMMA, PREFIX_FORM
    }
}
