package org.glossa.dictionary;

import java.util.List;

/** One word of a text as written, with the entries whose lemma or a form it is (best first; empty when unknown). */
public record WordMeanings(String word, List<DictionaryEntry> entries) {
}
