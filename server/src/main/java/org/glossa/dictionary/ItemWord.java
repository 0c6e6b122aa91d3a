package org.glossa.dictionary;

import java.util.UUID;

/** A word of a course item linked to the dictionary entry it is the lemma or a form of. */
public record ItemWord(String word, UUID entryId, String lemma, String partOfSpeech, String summary) {
}
