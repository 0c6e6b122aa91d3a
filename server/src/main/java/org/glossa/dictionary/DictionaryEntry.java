package org.glossa.dictionary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored entry as readers see it: the merged fields, which source gave each field, and every source
 * with its license. The source documents themselves stay in the database.
 */
public record DictionaryEntry(UUID id, String language, String lemma, String partOfSpeech, String gender,
        List<EntryDocument.Form> forms, List<EntryDocument.Pronunciation> pronunciations,
        List<EntryDocument.Sense> senses, List<EntryDocument.Translation> translations, Integer frequencyRank,
        String cefr, List<EntryDocument.Note> notes, Map<String, String> fieldSources, List<Source> sources,
        Instant updatedAt) {

    public record Source(String source, String license) {
    }

    /** The first glosses, joined: a one-line meaning for hints and result lists. */
    public List<String> glosses(int max) {
        return senses.stream().flatMap(s -> s.glosses().stream()).map(EntryDocument.Gloss::text).distinct()
                .limit(max).toList();
    }
}
