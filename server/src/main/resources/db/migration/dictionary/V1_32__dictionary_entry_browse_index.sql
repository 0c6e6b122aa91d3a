-- Browsing a language's entries, most frequent first (entries without a rank last, then by lemma).
create index dictionary_entry_browse_idx on dictionary_entry (language, frequency_rank, lemma, id);
