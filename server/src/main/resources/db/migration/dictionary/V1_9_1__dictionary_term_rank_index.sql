-- Prefix searches read a bounded range of the folded index and rank it; an index by rank only tempted
-- PostgreSQL into walking every term of a language in rank order when it misjudged a prefix's matches.
drop index dictionary_term_rank_idx;
