#!/usr/bin/env bash
# HTTP load against a Hamkke running on this machine (loopback only), e.g.
#   bench/load.sh --url http://127.0.0.1:8080 --users 64 --duration 60 --get / --get /transparency \
#                 --db-baseline 'jdbc:mysql://127.0.0.1:PORT/hamkke?sslMode=DISABLED'
# Prints the raw database commit rate (the ceiling) and the HTTP throughput and latency percentiles.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
exec "$java_bin" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" kr.hamkke.bench.LoadDriver "$@"
