#!/usr/bin/env bash
# Runs `connlist` over netpol-analyzer's test corpora (../shared/oracle beside the checkout) and
# fails when a case listed in a baseline no longer passes:
#   netpol-analyzer      (NetworkPolicy)                          docs/conformance-baseline.txt
#   netpol-analyzer-anp  (AdminNetworkPolicy / BaselineAdminNetworkPolicy with NetworkPolicy)
#                                                                 docs/conformance-baseline-anp.txt
#
#   scripts/conformance.sh                 check both corpora against their baselines
#   scripts/conformance.sh --update        rewrite the baselines with the cases passing now
#   CONFORMANCE_CMD='node other/cli.js connlist {dir}' scripts/conformance.sh   use another build
#
# Extra arguments (other than --update) go to run_corpus.py, e.g. --only ipblock.
set -euo pipefail
cd "$(dirname "$0")/.."

oracle=../shared/oracle
runner=../shared/conformance/run_corpus.py
# netpol-analyzer never matches ipBlocks nor cluster policy networks against pod IPs.
default_cmd='node bin/cdk8s-netpol connlist {dir} --ipblock-pods ignore --networks-pods ignore'
cmd=${CONFORMANCE_CMD:-$default_cmd}

if [ ! -d "$oracle/netpol-analyzer" ] || [ ! -f "$runner" ]; then
  echo "conformance: skipped ($oracle/netpol-analyzer or $runner is not present beside the checkout)"
  exit 0
fi
if [ -z "${CONFORMANCE_CMD:-}" ] && [ ! -f lib/cli/main.js ]; then
  echo "conformance: lib/cli/main.js is missing; compile first (npm ci or npx projen compile)" >&2
  exit 2
fi

update=false
args=()
for a in "$@"; do
  if [ "$a" = "--update" ]; then update=true; else args+=("$a"); fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check_corpus NAME BASELINE: runs one corpus and compares it with its baseline; returns 1 on a regression.
check_corpus() {
  local name=$1 baseline=$2 out="$tmp/$1"
  local start status elapsed
  start=$(date +%s)
  set +e
  python3 "$runner" --manifest "$oracle/$name/manifest.json" --with-diffs --verbose \
    --cmd "$cmd" ${args[@]+"${args[@]}"} >"$out" 2>&1
  status=$?
  set -e
  elapsed=$(( $(date +%s) - start ))

  grep -v '^PASS ' "$out" || true
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "conformance ($name): the runner failed (exit $status)" >&2
    exit 2
  fi
  # A case is named by its label, `id (kind) [input dir]` or `id [diff a -> b]`, unique per case.
  local label='\([^[]*\[[^]]*\]\)'
  sed -n "s/^PASS $label.*\$/\\1/p" "$out" | sort -u >"$out.pass"
  sed -n "s/^\(PASS\|FAIL\) $label.*\$/\\2/p" "$out" | sort -u >"$out.ran"
  echo "conformance ($name): $(wc -l <"$out.pass") of $(wc -l <"$out.ran") cases pass, run took ${elapsed}s"

  if $update; then
    if [ ${#args[@]} -gt 0 ]; then
      echo "conformance: --update rewrites the whole baseline; run it without other arguments" >&2
      exit 2
    fi
    cp "$out.pass" "$baseline"
    echo "conformance ($name): baseline $baseline rewritten"
    return 0
  fi
  if [ ! -f "$baseline" ]; then
    echo "conformance ($name): no baseline at $baseline; create it with scripts/conformance.sh --update" >&2
    return 1
  fi
  # With a filter such as --only, only the baseline cases that ran can regress.
  local expected lost gained
  if [ ${#args[@]} -gt 0 ]; then expected=$(comm -12 <(sort -u "$baseline") "$out.ran"); else expected=$(sort -u "$baseline"); fi
  lost=$(comm -23 <(printf '%s\n' "$expected" | sed '/^$/d') "$out.pass")
  if [ -n "$lost" ]; then
    echo "conformance ($name): REGRESSION, these cases passed before and fail now:" >&2
    echo "$lost" | sed 's/^/  /' >&2
    return 1
  fi
  gained=$(comm -13 <(sort -u "$baseline") "$out.pass")
  if [ -n "$gained" ]; then
    echo "conformance ($name): newly passing (add them with --update):"
    echo "$gained" | sed 's/^/  /'
  fi
  echo "conformance ($name): no regression against $baseline"
}

failed=0
check_corpus netpol-analyzer docs/conformance-baseline.txt || failed=1
if [ -f "$oracle/netpol-analyzer-anp/manifest.json" ]; then
  check_corpus netpol-analyzer-anp docs/conformance-baseline-anp.txt || failed=1
else
  echo "conformance (netpol-analyzer-anp): skipped ($oracle/netpol-analyzer-anp is not present beside the checkout)"
fi
if $update; then exit 0; fi
if [ "$failed" -ne 0 ]; then exit 1; fi

# The diff command itself, on every diff case of the corpora (compared by address and pair).
if [ -z "${CONFORMANCE_CMD:-}" ]; then
  python3 scripts/diff-conformance.py "$oracle/netpol-analyzer" "$(dirname "$runner")" node bin/cdk8s-netpol
  if [ -f "$oracle/netpol-analyzer-anp/manifest.json" ]; then
    python3 scripts/diff-conformance.py "$oracle/netpol-analyzer-anp" "$(dirname "$runner")" node bin/cdk8s-netpol
  fi
fi
