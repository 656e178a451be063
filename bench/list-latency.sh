#!/usr/bin/env bash
# First-page latency of the proposal list per filter (sequential curl, loopback):
#   bench/list-latency.sh http://127.0.0.1:8787 [requests-per-filter=40]
# Prints p50/p99/max in ms per filter for the HTML page /proposals (the JSON API runs the same query).
set -euo pipefail
base="${1:-http://127.0.0.1:8787}"; n="${2:-40}"
case "$base" in http://127.*|http://localhost*) ;; *) echo "loopback only" >&2; exit 1;; esac
filters=(
  "" "sort=supported" "sort=closing" "status=PUBLISHED" "status=ANSWERED" "status=CLOSED" "category=TRANSPORT"
  "category=HEALTH&sort=supported" "gu=11680" "gu=CITY" "q=%ED%82%A5%EB%B3%B4%EB%93%9C" "q=%EB%82%9C%EC%9E%84%EB%B6%80%EB%B6%80"
  "q=%EC%97%86%EB%8A%94%EB%8B%A8%EC%96%B4xyz" "q=%EA%B3%B5%EC%9C%A0&category=TRANSPORT&gu=11680&sort=closing"
)
for f in "${filters[@]}"; do
  for i in $(seq 1 "$n"); do
    curl -s -o /dev/null -w "%{time_total}\n" "$base/proposals?$f"
  done | sort -n | awk -v f="$f" '{a[NR]=$1*1000} END {p99=int(NR*0.99); if (p99<1) p99=1; printf "%-60s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms\n", (f==""?"(newest)":f), a[int((NR+1)/2)], a[p99], a[NR]}'
done
