package org.glossa.dictionary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One dictionary entry as a source gives it: a lemma with one part of speech in one language. Empty lists
 * and nulls mean "this source says nothing about it": when entries merge, such fields keep what another
 * source gave.
 *
 * @param language BCP 47 language of the lemma (es, de, grc, ...)
 * @param homograph tells apart entries with the same lemma and part of speech (Wiktextract's etymology number);
 *        null when there is only one
 * @param frequencyRank 1 for the most frequent word of the language; null when unknown
 * @param cefr A1 to C2 where known
 * @param document the source's own document for this entry, whole, as JSON text; null to keep this record itself
 * @param notes usage notes and mnemonics for learners
 */
public record EntryDocument(String language, String lemma, String partOfSpeech, String homograph, String gender,
        List<Form> forms, List<Pronunciation> pronunciations, List<Sense> senses, List<Translation> translations,
        Integer frequencyRank, String cefr, String document,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Note> notes) {

    public EntryDocument {
        forms = forms == null ? List.of() : List.copyOf(forms);
        pronunciations = pronunciations == null ? List.of() : List.copyOf(pronunciations);
        senses = senses == null ? List.of() : List.copyOf(senses);
        translations = translations == null ? List.of() : List.copyOf(translations);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** An entry without notes (most sources have none). */
    public EntryDocument(String language, String lemma, String partOfSpeech, String homograph, String gender,
            List<Form> forms, List<Pronunciation> pronunciations, List<Sense> senses, List<Translation> translations,
            Integer frequencyRank, String cefr, String document) {
        this(language, lemma, partOfSpeech, homograph, gender, forms, pronunciations, senses, translations,
                frequencyRank, cefr, document, List.of());
    }

    /** A lemma with nothing else yet: add the rest with the {@code with...} methods or the canonical constructor. */
    public static EntryDocument of(String language, String lemma, String partOfSpeech) {
        return new EntryDocument(language, lemma, partOfSpeech, null, null, List.of(), List.of(), List.of(), List.of(),
                null, null, null);
    }

    public EntryDocument withSenses(List<Sense> senses) {
        return new EntryDocument(language, lemma, partOfSpeech, homograph, gender, forms, pronunciations, senses,
                translations, frequencyRank, cefr, document, notes);
    }

    public EntryDocument withForms(List<Form> forms) {
        return new EntryDocument(language, lemma, partOfSpeech, homograph, gender, forms, pronunciations, senses,
                translations, frequencyRank, cefr, document, notes);
    }

    public EntryDocument withDocument(String document) {
        return new EntryDocument(language, lemma, partOfSpeech, homograph, gender, forms, pronunciations, senses,
                translations, frequencyRank, cefr, document, notes);
    }

    public EntryDocument withNotes(List<Note> notes) {
        return new EntryDocument(language, lemma, partOfSpeech, homograph, gender, forms, pronunciations, senses,
                translations, frequencyRank, cefr, document, notes);
    }

    /**
     * A note for learners: {@code usage} (how the word is used) or {@code mnemonic} (a memory aid), in the language
     * of its text.
     */
    public record Note(String kind, String language, String text) {
    }

    /** An inflected form with its grammatical tags (first-person, plural, preterite, ...). */
    public record Form(String form, List<String> tags) {
        public Form {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** IPA and/or a recording. */
    public record Pronunciation(String ipa, String audioUrl, List<String> tags) {
        public Pronunciation {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** One meaning: glosses (in one or more languages), examples, and tags such as register or region. */
    public record Sense(List<Gloss> glosses, List<Example> examples, List<String> tags) {
        public Sense {
            glosses = glosses == null ? List.of() : List.copyOf(glosses);
            examples = examples == null ? List.of() : List.copyOf(examples);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** A gloss in {@code language} (en for the English Wiktionary). */
    public record Gloss(String language, String text) {
    }

    public record Example(String text, String translation) {
    }

    /** The word in another language, for one sense where the source says which. */
    public record Translation(String language, String word, String sense) {
    }
}
