#!/usr/bin/env bash
# Times, with pgbench, the query behind GET /api/v1/reviews/due on PostgreSQL: the due memory items of a learner
# with 100,000 items (among 500,000 of five learners), as Memory.due issues it for 20 items (400 candidates by due
# date, ranked by retrievability in Java afterwards, which takes microseconds). Prints pgbench's latency figures.
# Needs the machine's PostgreSQL on 127.0.0.1:5432 (user postgres); uses a scratch database it drops afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
DB="glossa_bench_due_$$"
psql -q -c "create database $DB"
trap 'psql -q -c "drop database if exists $DB with (force)"' EXIT

# The table and index exactly as the server's migration creates them.
psql -q -d "$DB" -f server/src/main/resources/db/migration/review/V1_4__review.sql
LEARNER=00000000-0000-0000-0000-000000000001
psql -q -d "$DB" <<SQL
insert into review_item (user_id, item_id, course_id, state, step, stability, difficulty, due, last_review,
                         scheduled_days, reps, lapses)
select ('00000000-0000-0000-0000-00000000000' || u)::uuid, gen_random_uuid(), '00000000-0000-0000-0000-0000000000aa',
       case when i % 10 = 0 then 'LEARNING' else 'REVIEW' end, 0,
       1 + (i % 300), 1 + (i % 9), now() + ((i % 121) - 60) * interval '1 day' + (i % 1440) * interval '1 minute',
       now() - ((i % 90) + 61) * interval '1 day', (i % 120) + 1, 1 + i % 20, i % 3
from generate_series(1, 5) as u, generate_series(1, 100000) as i;
analyze review_item;
SQL
echo "rows: $(psql -At -d "$DB" -c 'select count(*) from review_item'), due for the learner now: \
$(psql -At -d "$DB" -c "select count(*) from review_item where user_id = '$LEARNER' and due <= now()")"

cat > /tmp/glossa-due-query.sql <<SQL
select item_id, course_id, state, step, stability, difficulty, due, last_review, scheduled_days, reps, lapses
from review_item where user_id = '$LEARNER' and due <= now() order by due limit 400;
SQL
psql -d "$DB" -c "explain analyze $(cat /tmp/glossa-due-query.sql)" | grep -E "Index|Execution Time"
pgbench -n -M prepared -f /tmp/glossa-due-query.sql -c 1 -j 1 -T 15 "$DB" | grep -E "latency|tps|transactions"
