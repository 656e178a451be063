#!/usr/bin/env bash
# HTTP ballot benchmark (issue 4): 64 verified voters submitting 10-pick ballots (each a change of the voter's
# ballot, fresh Idempotency-Key), raw commit rate in the same run, then bench/verify-ballots.sql.
#   bench/ballots.sh APP_PORT [--ramp 64] [--duration 30]
set -euo pipefail
port="${1:?usage: bench/ballots.sh APP_PORT [driver options]}"; shift
exec "$(dirname "$0")/vote-day.sh" "$port" --mix 0,0,100 --ramp 64 "$@"
