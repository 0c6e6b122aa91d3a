#!/usr/bin/env bash
# Runs a league benchmark from the server's test sources (never part of verify) and prints its figures:
#   bash benchmarks/leagues/run.sh close         weekly close, 1,000,000 learners in 33,334 cohorts, PostgreSQL
#   bash benchmarks/leagues/run.sh leaderboard   a leaderboard page + own rank among 1,000,000, Redis db 12
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres; a scratch database is created and dropped) or Redis on
# 127.0.0.1:6379 (REDIS_URL to change; the benchmark flushes only its own database, 12 by default).
set -euo pipefail
cd "$(dirname "$0")/../.."
case "${1:-}" in
  close) MAIN=org.glossa.gamification.league.WeeklyCloseBenchmark ;;
  leaderboard) MAIN=org.glossa.gamification.league.LeaderboardPageBenchmark ;;
  *) echo "usage: $0 close|leaderboard" >&2; exit 2 ;;
esac
JAVA="${JAVA25_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
[ -x "$JAVA" ] || { echo "no JDK 25 found: set JAVA25_HOME" >&2; exit 1; }
./mvnw -q -B -ntp -pl server -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA" -Xmx1g -cp "server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)" "$MAIN"
