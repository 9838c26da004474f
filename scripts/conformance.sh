#!/usr/bin/env bash
# Runs `connlist` over netpol-analyzer's test corpus (../shared/oracle beside the checkout) and
# fails when a case listed in docs/conformance-baseline.txt no longer passes.
#
#   scripts/conformance.sh                 check against the baseline
#   scripts/conformance.sh --update        rewrite the baseline with the cases passing now
#   CONFORMANCE_CMD='node other/cli.js connlist {dir}' scripts/conformance.sh   use another build
#
# Extra arguments (other than --update) go to run_corpus.py, e.g. --only ipblock.
set -euo pipefail
cd "$(dirname "$0")/.."

oracle=../shared/oracle
runner=../shared/conformance/run_corpus.py
baseline=docs/conformance-baseline.txt
default_cmd='node bin/cdk8s-netpol connlist {dir} --ipblock-pods ignore'
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

out=$(mktemp)
trap 'rm -f "$out" "$out.pass" "$out.ran"' EXIT
start=$(date +%s)
set +e
python3 "$runner" --manifest "$oracle/netpol-analyzer/manifest.json" --with-diffs --verbose \
  --cmd "$cmd" ${args[@]+"${args[@]}"} >"$out" 2>&1
status=$?
set -e
elapsed=$(( $(date +%s) - start ))

grep -v '^PASS ' "$out" || true
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  echo "conformance: the runner failed (exit $status)" >&2
  exit 2
fi
# A case is named by its label, `id (kind) [input dir]` or `id [diff a -> b]`, unique per case.
label='\([^[]*\[[^]]*\]\)'
sed -n "s/^PASS $label.*\$/\\1/p" "$out" | sort -u >"$out.pass"
sed -n "s/^\(PASS\|FAIL\) $label.*\$/\\2/p" "$out" | sort -u >"$out.ran"
echo "conformance: $(wc -l <"$out.pass") of $(wc -l <"$out.ran") cases pass, run took ${elapsed}s"

if $update; then
  if [ ${#args[@]} -gt 0 ]; then
    echo "conformance: --update rewrites the whole baseline; run it without other arguments" >&2
    exit 2
  fi
  cp "$out.pass" "$baseline"
  echo "conformance: baseline $baseline rewritten"
  exit 0
fi
if [ ! -f "$baseline" ]; then
  echo "conformance: no baseline at $baseline; create it with scripts/conformance.sh --update" >&2
  exit 1
fi
# With a filter such as --only, only the baseline cases that ran can regress.
if [ ${#args[@]} -gt 0 ]; then expected=$(comm -12 <(sort -u "$baseline") "$out.ran"); else expected=$(sort -u "$baseline"); fi
lost=$(comm -23 <(printf '%s\n' "$expected" | sed '/^$/d') "$out.pass")
if [ -n "$lost" ]; then
  echo "conformance: REGRESSION, these cases passed before and fail now:" >&2
  echo "$lost" | sed 's/^/  /' >&2
  exit 1
fi
gained=$(comm -13 <(sort -u "$baseline") "$out.pass")
if [ -n "$gained" ]; then
  echo "conformance: newly passing (add them with --update):"
  echo "$gained" | sed 's/^/  /'
fi
echo "conformance: no regression against $baseline"

# The diff command itself, on every diff case of the corpus (compared by address and pair).
if [ -z "${CONFORMANCE_CMD:-}" ]; then
  python3 scripts/diff-conformance.py "$oracle/netpol-analyzer" "$(dirname "$runner")" node bin/cdk8s-netpol
fi
