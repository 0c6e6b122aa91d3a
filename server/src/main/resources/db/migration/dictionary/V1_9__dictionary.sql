-- Dictionary entries per language, the source documents they came from, their search terms, and imports.

-- content is the merged entry (forms, pronunciations, senses, translations) as Glossa reads it;
-- field_sources says which source gave each field. entry_key identifies the entry within its language
-- (lemma, part of speech and homograph number), so that re-imports and other sources update it in place.
create table dictionary_entry (
    id             uuid          not null primary key,
    language       varchar(35)   not null,
    entry_key      varchar(400)  not null,
    lemma          varchar(300)  not null,
    part_of_speech varchar(40),
    gender         varchar(40),
    frequency_rank integer,
    cefr           varchar(2),
    summary        varchar(500)  not null,
    content        ${json}       not null,
    field_sources  ${json}       not null,
    source         varchar(100)  not null,
    license        varchar(200),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create unique index dictionary_entry_key_uk on dictionary_entry (language, entry_key);

-- Every source's own document for an entry, whole, with its license and a hash that makes re-imports idempotent.
create table dictionary_entry_source (
    entry_id     uuid         not null references dictionary_entry (id) on delete cascade,
    source       varchar(100) not null,
    license      varchar(200),
    document     ${json}      not null,
    content_hash varchar(64)  not null,
    updated_at   timestamp with time zone not null,
    primary key (entry_id, source)
);

-- Search keys: the lemma (kind 0) and each distinct inflected form (kind 1), folded (lower case, accents removed).
-- rank copies the entry's frequency rank (2147483647 when unknown) so that prefix matches come out best first.
create table dictionary_term (
    entry_id uuid         not null references dictionary_entry (id) on delete cascade,
    language varchar(35)  not null,
    folded   varchar(300) not null,
    kind     smallint     not null,
    form     varchar(300) not null,
    rank     integer      not null
);
create index dictionary_term_folded_idx on dictionary_term (language, folded ${text_pattern_ops});
create index dictionary_term_rank_idx on dictionary_term (language, rank);
create index dictionary_term_entry_idx on dictionary_term (entry_id);

-- Imports: one row per import job, its progress committed with each batch (lines_done is where a restart resumes).
create table dictionary_import (
    id           uuid          not null primary key,
    format       varchar(20)   not null,
    language     varchar(35),
    gloss_language varchar(35) not null,
    source       varchar(100)  not null,
    license      varchar(200),
    file_name    varchar(300),
    server_path  varchar(1000),
    file_size    bigint,
    state        varchar(20)   not null,
    lines_done   bigint        not null,
    inserted     bigint        not null,
    updated      bigint        not null,
    unchanged    bigint        not null,
    skipped      bigint        not null,
    bad_lines    bigint        not null,
    error_budget integer       not null,
    message      varchar(2000),
    requested_by uuid,
    requested_at timestamp with time zone not null,
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone
);
create index dictionary_import_requested_idx on dictionary_import (requested_at);

-- An uploaded file, in chunks in the database: every node can read it, and it goes when the import ends.
create table dictionary_import_chunk (
    import_id uuid    not null references dictionary_import (id) on delete cascade,
    seq       integer not null,
    data      bytea   not null,
    primary key (import_id, seq)
);

-- Bad lines with their numbers (the first 1000 of each import are kept).
create table dictionary_import_error (
    import_id uuid          not null references dictionary_import (id) on delete cascade,
    line      bigint        not null,
    message   varchar(1000) not null,
    primary key (import_id, line)
);

-- Course items linked to the entries whose lemma or forms match their words.
create table dictionary_item_link (
    item_id   uuid        not null,
    course_id uuid        not null,
    entry_id  uuid        not null references dictionary_entry (id) on delete cascade,
    word      varchar(300) not null,
    primary key (item_id, entry_id)
);
create index dictionary_item_link_course_idx on dictionary_item_link (course_id);
