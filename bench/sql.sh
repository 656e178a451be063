#!/usr/bin/env bash
# Runs a bench SQL file on a loopback database: bench/sql.sh 'jdbc:mysql://127.0.0.1:PORT/hamkke?sslMode=DISABLED' FILE
set -euo pipefail
cd "$(dirname "$0")/.."
test -f target/bench.classpath || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
exec "$java_bin" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" kr.hamkke.bench.SqlRun "$@"
