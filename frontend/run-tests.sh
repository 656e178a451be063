#!/usr/bin/env bash
# Runs Hamkke's browser tests against a running app.
#
#   HAMKKE_URL=http://127.0.0.1:8181 frontend/run-tests.sh [test files…]
#
# With no files, runs every frontend/tests/*.test.mjs. Exit code = test result (0 = all passed).
# Installs the npm packages (npm ci) when missing, and Debian's chromium when missing and we are root.
# Screenshots go to target/screenshots/ under the repository root.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

if [ -z "${HAMKKE_URL:-}" ]; then
  echo "run-tests.sh: HAMKKE_URL is not set; app journeys will be skipped (style guide tests still run)" >&2
fi

if [ ! -f "$here/node_modules/playwright-core/package.json" ] \
   || [ ! -f "$here/node_modules/axe-core/axe.min.js" ] \
   || [ ! -d "$here/node_modules/krds-uiux/resources" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

chromium="${HAMKKE_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "run-tests.sh: installing Debian's chromium" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "run-tests.sh: $chromium not found; install Debian's chromium (apt-get install chromium)" >&2
    exit 2
  fi
fi

cd "$root"
if [ "$#" -gt 0 ]; then
  files=("$@")
else
  files=(frontend/tests/*.test.mjs)
fi
exec node --test --test-timeout="${HAMKKE_TEST_TIMEOUT_MS:-600000}" "${files[@]}"
