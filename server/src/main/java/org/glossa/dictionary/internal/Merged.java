package org.glossa.dictionary.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glossa.dictionary.EntryDocument;

/**
 * An entry's fields merged from its sources, and which source gave each. A field takes the value of the
 * source that last gave a non-empty one; a source that no longer gives a field it gave before takes it
 * back (so that re-importing a corrected source cleans up after itself).
 */
record Merged(String gender, Integer frequencyRank, String cefr, EntryStore.Content content,
        Map<String, String> fieldSources) {

    static Merged merge(Merged before, EntryDocument doc, String source) {
        Map<String, String> sources = new TreeMap<>(before == null ? Map.of() : before.fieldSources());
        EntryStore.Content old = before == null ? new EntryStore.Content(List.of(), List.of(), List.of(), List.of(), List.of())
                : before.content();
        sources.putIfAbsent("lemma", source);
        if (doc.partOfSpeech() != null) {
            sources.putIfAbsent("partOfSpeech", source);
        }
        String gender = pick("gender", before == null ? null : before.gender(), doc.gender(), source, sources);
        Integer rank = pick("frequencyRank", before == null ? null : before.frequencyRank(), doc.frequencyRank(), source,
                sources);
        String cefr = pick("cefr", before == null ? null : before.cefr(), doc.cefr(), source, sources);
        List<EntryDocument.Form> forms = pickList("forms", old.forms(), doc.forms(), source, sources);
        List<EntryDocument.Pronunciation> pronunciations = pickList("pronunciations", old.pronunciations(),
                doc.pronunciations(), source, sources);
        List<EntryDocument.Sense> senses = pickList("senses", old.senses(), doc.senses(), source, sources);
        List<EntryDocument.Translation> translations = pickList("translations", old.translations(), doc.translations(),
                source, sources);
        List<EntryDocument.Note> notes = pickList("notes", old.notes(), doc.notes(), source, sources);
        return new Merged(gender, rank, cefr, new EntryStore.Content(forms, pronunciations, senses, translations, notes),
                sources);
    }

    private static <T> T pick(String field, T old, T given, String source, Map<String, String> sources) {
        if (given != null) {
            sources.put(field, source);
            return given;
        }
        if (source.equals(sources.get(field))) {
            sources.remove(field);
            return null;
        }
        return old;
    }

    private static <T> List<T> pickList(String field, List<T> old, List<T> given, String source,
            Map<String, String> sources) {
        return pick(field, old.isEmpty() ? null : old, given.isEmpty() ? null : given, source, sources) instanceof List<T> l
                ? l : List.of();
    }
}
