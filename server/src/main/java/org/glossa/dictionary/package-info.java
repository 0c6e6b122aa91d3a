/**
 * Dictionary: entries per language (lemma, forms, pronunciations, senses, translations, frequency, CEFR)
 * with the source documents they came from; accent-insensitive search by lemma or inflected form;
 * imports of Wiktextract, CSV/TSV and LibreLingo word lists as background jobs. Other modules store and
 * read entries through {@link org.glossa.dictionary.DictionaryEntries}; an outside dictionary plugs in as
 * an {@link org.glossa.dictionary.ExternalDictionary}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dictionary")
package org.glossa.dictionary;
