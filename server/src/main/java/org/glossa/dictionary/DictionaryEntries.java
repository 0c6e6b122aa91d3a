package org.glossa.dictionary;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dictionary's API for other modules: store entries that came from elsewhere with their source and
 * license, and look entries up.
 *
 * <p>Storing is idempotent: the same document from the same source again changes nothing
 * ({@link UpsertOutcome.Kind#UNCHANGED}). An entry is identified by language, lemma, part of speech and
 * homograph; a document from another source merges into it field by field (a field takes the value of
 * the source that last gave a non-empty one, and the entry remembers which source that was).
 */
public interface DictionaryEntries {

    /** Stores one entry in its own transaction (or the caller's). */
    UpsertOutcome upsert(EntryDocument document, String source, String license);

    /** Stores many entries of one source in one transaction, in order; faster than one by one. */
    List<UpsertOutcome> upsertAll(List<EntryDocument> documents, String source, String license);

    Optional<DictionaryEntry> find(UUID id);

    /**
     * A page (from 0) of the language's entries, most frequent first, entries without a frequency rank after them,
     * then by lemma. Pages go at most {@link #MAX_BROWSE} entries deep.
     */
    List<EntrySummary> browse(String language, int page, int size);

    /** How deep {@link #browse} pages go: searching finds every entry, browsing is for the most frequent ones. */
    int MAX_BROWSE = 10_000;

    /**
     * Entries whose lemma or an inflected form is {@code word}, ignoring case and accents; lemma matches
     * first, then by frequency. Never calls an outside dictionary.
     */
    List<DictionaryEntry> lookup(String language, String word, int limit);

    /**
     * The words of {@code text} (split on spaces, punctuation around them removed), each with up to
     * {@code perWord} entries it is the lemma or a form of; for hints and links to course items.
     */
    List<WordMeanings> meanings(String language, String text, int perWord);

    /** The entries a course item's words are linked to (linked when a course or a dictionary is imported). */
    List<ItemWord> itemWords(UUID itemId);

    /** The search key of a word or phrase: lower case, without the accents a learner may leave out. */
    String fold(String text);

    /**
     * Lemmas and inflected forms equal to or starting with {@code query}, ignoring case and accents, best
     * first: exact lemma, exact form, prefix of a lemma, prefix of a form, then by frequency. When nothing
     * matches and an {@link ExternalDictionary} is configured, it is asked and what it finds is stored.
     */
    List<SearchMatch> search(String language, String query, int limit);
}
