#!/usr/bin/env bash
# Scale-out drill (docs/SCALING.md): two app instances (ports 8111, 8112) on one MariaDB server
# (port 8119, data under /work/rel-data/drill) behind nginx round robin on 127.0.0.1:8110. Checks:
# a session from one instance works on the other, one person's concurrent votes over both instances
# make one ballot, ClosingJob runs on one instance only (JobLease), a mixed load through nginx keeps
# every ballot exactly once. Takes about 3 minutes (it waits for the scheduled job to fire).
#   bench/two-instances.sh [--voters 32] [--load-seconds 30] [--data DIR]
# nginx comes from Debian: installed here with apt-get when missing (nginx-light, 1.22 on bookworm).
set -euo pipefail
if ! command -v nginx >/dev/null; then
  echo "nginx not found: installing the Debian package nginx-light"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light
fi
exec "$(dirname "$0")/drill.sh" scaleout --load-seconds 30 "$@"
