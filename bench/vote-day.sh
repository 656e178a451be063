#!/usr/bin/env bash
# Vote-day mix (issue 7) against a Hamkke started on this machine with the embedded database:
#   bench/vote-day.sh APP_PORT [--ramp 16,32,64,128] [--duration 30] [--mix 80,15,5] [other VoteDayDriver options]
# Finds the app process listening on APP_PORT and its embedded mariadbd (CPU figures, JDBC URL), seeds the 공감
# proposals and the 10-pick ballot track (idempotent), measures the raw commit rate, runs the ramp, then verifies
# that counters and ballots are exact. bench/ballots.sh is the same with --mix 0,0,100.
# The per-person flood limits (60 공감 a minute, docs/SECURITY.md) answer 429 to a load driver that reuses a few
# hundred demo people far faster than people click; start the app with HAMKKE_RATE_LIMITS_ENABLED=false to measure
# the vote path itself, and say so next to the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:?usage: bench/vote-day.sh APP_PORT [driver options]}"; shift
app_pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
test -n "$app_pid" || { echo "nothing listens on port $port" >&2; exit 1; }
db_pid=$(pgrep -P "$app_pid" mariadbd | head -1 || true)
test -n "$db_pid" || { echo "no embedded mariadbd under pid $app_pid (external database: pass --db-baseline yourself)" >&2; exit 1; }
db_port=$(tr '\0' '\n' < "/proc/$db_pid/cmdline" | grep -- '^--port=' | cut -d= -f2)
db="jdbc:mysql://127.0.0.1:$db_port/hamkke?sslMode=DISABLED&allowPublicKeyRetrieval=true"
if [ -z "${BENCH_NO_BUILD:-}" ]; then   # BENCH_NO_BUILD=1: the app runs from target/classes, do not rebuild under it
  ./mvnw -B -q test-compile -DskipTests
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
fi
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
sql() { "$java_bin" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" kr.hamkke.bench.SqlRun "$db" "$1"; }
supports=$(sql bench/seed-support-proposals.sql | tail -1)          # MIN | MAX | COUNT
ballot=$(sql bench/seed-ballot-track.sql | tail -1)                 # track | project ids
forums=$(sql bench/open-forums.sql | tail -1)
details=$(sql bench/detail-ids.sql | tail -1)                      # ids of public demo proposals
echo "app pid $app_pid, db pid $db_pid ($db_port); 공감 ids $supports; ballot track $ballot; open forums $forums"
"$java_bin" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" kr.hamkke.bench.VoteDayDriver \
  --url "http://127.0.0.1:$port" --app-pid "$app_pid" --db-pid "$db_pid" --db-baseline "$db" \
  --n-from "$(echo "$supports" | cut -d'|' -f1 | xargs)" --n-to "$(echo "$supports" | cut -d'|' -f2 | xargs)" \
  --track "$(echo "$ballot" | cut -d'|' -f1 | xargs)" --projects "$(echo "$ballot" | cut -d'|' -f2 | xargs)" \
  --forums "$(echo "$forums" | xargs)" \
  --details "$(echo "$details" | xargs)" \
  --views "/,/proposals,/proposals/{p},/budgeting/tracks/1/results" "$@"
sql bench/verify-supports.sql
sql bench/verify-ballots.sql
