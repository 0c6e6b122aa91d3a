package org.glossa.dictionary;

import java.util.UUID;

/** An entry in a list: what a browsing learner or an editor's job needs to pick it, without its whole content. */
public record EntrySummary(UUID id, String lemma, String partOfSpeech, Integer frequencyRank, String cefr,
        String summary) {
}
