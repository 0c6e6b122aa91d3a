package org.glossa.generation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.glossa.dictionary.DictionaryEntries;
import org.glossa.dictionary.DictionaryEntry;
import org.glossa.dictionary.WordMeanings;
import org.springframework.stereotype.Component;

/**
 * Dictionary notes on the words of a text ("lemma (part of speech): glosses"), which ground explanations
 * and drafts, from the dictionary module.
 */
@Component
class GroundingWords {

    private final DictionaryEntries dictionary;

    GroundingWords(DictionaryEntries dictionary) {
        this.dictionary = dictionary;
    }

    /** At most {@code max} notes on the words of the texts, each entry once. */
    List<String> notes(String language, List<String> texts, int max) {
        Set<String> notes = new LinkedHashSet<>();
        for (String text : texts) {
            for (WordMeanings word : dictionary.meanings(language, text, 1)) {
                for (DictionaryEntry entry : word.entries()) {
                    List<String> glosses = entry.glosses(3);
                    if (!glosses.isEmpty()) {
                        notes.add(entry.lemma() + (entry.partOfSpeech() == null ? "" : " (" + entry.partOfSpeech() + ")")
                                + ": " + String.join("; ", glosses));
                    }
                    if (notes.size() >= max) {
                        return new ArrayList<>(notes);
                    }
                }
            }
        }
        return new ArrayList<>(notes);
    }

    /** The first glosses of the word's best entry; empty when the dictionary does not know it. */
    List<String> glosses(String language, String word) {
        return dictionary.lookup(language, word, 1).stream().findFirst().map(e -> e.glosses(4)).orElse(List.of());
    }
}
