#!/usr/bin/env bash
# CPU profile summary of a JFR recording (async-profiler is not available here):
#   jcmd APP_PID JFR.start name=p settings=profile duration=60s filename=/path/p.jfr   # during a load run
#   bench/jfr-top.sh /path/p.jfr [N]
set -euo pipefail
cd "$(dirname "$0")/.."
test -f target/test-classes/kr/hamkke/bench/JfrTop.class || ./mvnw -B -q test-compile -DskipTests
exec "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp target/test-classes kr.hamkke.bench.JfrTop "$@"
