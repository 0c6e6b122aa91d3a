#!/usr/bin/env bash
# Times, with pgbench, the queries behind GET /api/v1/dictionary/{lang}/search among 1,000,000 entries of one
# language (4,000,000 search terms: each lemma and three inflected forms) on PostgreSQL: the exact-match query,
# the prefix query (at most 5,000 candidates from the folded index, then ranked) and the entries fetch, as
# EntryStore.searchLocal issues them for limit=10. Each pgbench
# transaction is one search: a random word, searched by its first 4 letters or whole. Prints the latency
# percentiles from pgbench's per-transaction log. Uses a scratch database it drops afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
DB="glossa_bench_dictionary_$$"
SECONDS_TO_RUN="${SECONDS_TO_RUN:-20}"
WORK="$(mktemp -d)"
psql -q -c "create database $DB"
trap 'psql -q -c "drop database if exists $DB with (force)"; rm -rf "$WORK"' EXIT

# The server's current schema, made by the server's own Flyway: every migration, SQL and Java (V1_34 is Java),
# with the placeholders the server sets on PostgreSQL. BenchmarkSchema starts the server on the database once.
./mvnw -q -o -pl server -am verify -Dtest=BenchmarkSchema -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Dglossa.bench.db=$DB" > "$WORK/schema.log" 2>&1 || { cat "$WORK/schema.log"; exit 1; }
echo "schema: $(psql -At -d "$DB" -c "select version from flyway_schema_history where success order by installed_rank desc limit 1") (latest migration applied)"

# Synthetic words from 40 syllables (40^4 = 2.56 M distinct): word(i) is the same in seeding and in the queries.
psql -q -d "$DB" <<'SQL'
create function bench_word(i bigint) returns text language sql immutable as $$
  select s[1 + (i % 40)] || s[1 + (i / 40 % 40)] || s[1 + (i / 1600 % 40)] || s[1 + (i / 64000 % 40)]
  from (select array['ba','be','bi','bo','bu','da','de','di','do','du','fa','fe','fi','fo','fu','ga','ge','gi',
                     'go','gu','la','le','li','lo','lu','ma','me','mi','mo','mu','na','ne','ni','no','nu','ra',
                     're','ri','ro','ru'] as s) syl
$$;
\timing on
insert into dictionary_entry (id, language, entry_key, lemma, part_of_speech, gender, frequency_rank, cefr, summary,
                              content, field_sources, source, license, created_at, updated_at)
select gen_random_uuid(), 'xx', bench_word(i) || chr(31) || 'noun' || chr(31), bench_word(i), 'noun', null,
       case when i % 3 = 0 then null else i end, null, 'meaning of ' || bench_word(i),
       '{"forms":[],"pronunciations":[],"senses":[],"translations":[]}', '{"lemma":"bench"}', 'bench', 'CC0', now(), now()
from generate_series(1, 1000000) as i;
insert into dictionary_term (entry_id, language, folded, kind, form, rank)
select e.id, 'xx', f.form, f.kind, f.form, coalesce(e.frequency_rank, 2147483647)
from dictionary_entry e
cross join lateral (values (e.lemma, 0), (e.lemma || 's', 1), (e.lemma || 'ron', 1), (e.lemma || 'mos', 1)) as f(form, kind);
analyze dictionary_entry;
analyze dictionary_term;
SQL
echo "entries: $(psql -At -d "$DB" -c 'select count(*) from dictionary_entry'), terms: $(psql -At -d "$DB" -c 'select count(*) from dictionary_term')"

# One search = the three statements EntryStore.searchLocal sends (exact, prefix when fewer than 10 exact, entries).
cat > "$WORK/search.sql" <<'SQL'
\set i random(1, 1000000)
\set whole random(0, 1)
select entry_id, kind, form, rank from dictionary_term
 where language = 'xx' and folded = case when :whole = 1 then bench_word(:i) else left(bench_word(:i), 4) end limit 200;
select entry_id, kind, form, rank from (
  select entry_id, kind, form, rank, folded from dictionary_term
  where language = 'xx' and folded like (case when :whole = 1 then bench_word(:i) else left(bench_word(:i), 4) end) || '%'
    and folded <> (case when :whole = 1 then bench_word(:i) else left(bench_word(:i), 4) end)
  limit 5000) candidates
 order by rank, folded limit 80;
select id, lemma, part_of_speech, frequency_rank, summary from dictionary_entry
 where id in (select entry_id from dictionary_term where language = 'xx' and folded like left(bench_word(:i), 4) || '%'
              limit 10);
SQL
psql -d "$DB" -c "explain analyze select entry_id, kind, form, rank from (select entry_id, kind, form, rank, folded from dictionary_term where language = 'xx' and folded like 'b%' and folded <> 'b' limit 5000) c order by rank, folded limit 80" \
  | grep -E "Index|Execution Time|Sort|Scan" | head -5
cd "$WORK"
pgbench -n -M prepared -f search.sql -c 1 -j 1 -T "$SECONDS_TO_RUN" -l "$DB" | grep -E "latency|tps|transactions"
sort -n -k3 pgbench_log.* | awk '{ l[NR] = $3 } END { printf "searches: %d, latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n", NR, l[int(NR*0.50)]/1000, l[int(NR*0.95)]/1000, l[int(NR*0.99)]/1000, l[NR]/1000 }'
