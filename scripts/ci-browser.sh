#!/usr/bin/env bash
# Installs Debian's chromium when it is missing, then runs the HTML report's browser tests
# (test/browser: playwright-core drives /usr/bin/chromium headless; nothing is downloaded by playwright).
#
# Usage: scripts/ci-browser.sh [--install-only]
#   --install-only: install chromium when missing and stop (npm test then runs test/browser itself).
# Needs node and the installed node_modules (npm ci). Installing chromium needs root and apt
# (Debian's packages); without them, and without chromium, the tests are skipped with the reason
# and the script exits 0. Any failing test exits non-zero.
# UPDATE_REPORT_SCREENSHOT=1 rewrites docs/report.png, the README's picture of the report.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
say() { echo "ci-browser: $*"; }

CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing chromium (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || say "could not install chromium"
  else
    say "chromium is absent and cannot be installed here (needs root and apt-get)"
  fi
fi
if [ ! -x "$CHROMIUM" ]; then
  say "SKIPPED: $CHROMIUM is absent, the browser tests cannot run"
  exit 0
fi
say "$("$CHROMIUM" --version 2>/dev/null | head -1)"
if [ "${1:-}" = "--install-only" ]; then
  exit 0
fi

npx jest test/browser --coverage=false --ci
