#!/usr/bin/env bash
# Builds the Python, Java and Go packages (and generates the .NET code) into dist/, then runs the
# smoke suite of each language in test/languages/: the app of test/languages/app.ts written in that
# language, compared with the fixture the TypeScript app writes (checked by test/languages/fixture.test.ts).
#
# Usage: scripts/ci-languages.sh
# Needs node and the installed node_modules (npm ci); each language needs its toolchain (python3 with
# venv, mvn with a JDK, go) and its registry (PyPI, Maven Central, the Go module proxy). A language
# whose toolchain is absent is skipped with the reason; any failure exits non-zero.
# MAVEN_REPO_LOCAL sets Maven's local repository (e.g. an empty folder to time a cold run).
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

passed=()
skipped=()
failed=()
say() { echo "ci-languages: $*"; }
seconds() { echo $(( $(date +%s) - $1 )); }

# Runs one step of a language; a failure is recorded and the remaining steps of that language are skipped.
run_language() {
  local language="$1"; shift
  local start; start=$(date +%s)
  say "== $language"
  if "$@"; then
    passed+=("$language ($(seconds "$start") s)")
  else
    failed+=("$language")
    say "$language FAILED"
  fi
}

if [ ! -f .jsii ] || [ ! -d lib ]; then
  say "compiling the library (jsii)"
  npx jsii --silence-warnings=reserved-word || { say "jsii failed"; exit 1; }
fi

python_suite() {
  npx projen package:python || return 1
  local venv=test/languages/python/.venv
  rm -rf "$venv"
  python3 -m venv "$venv" || return 1
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    -r test/languages/python/requirements.txt dist/python/*.whl || return 1
  (cd test/languages/python && .venv/bin/python -m pytest -v)
}

java_suite() {
  local maven=(mvn -B --no-transfer-progress "-Dcdk8s-netpol.version=$(node -p "require('./package.json').version")") pacmak=()
  if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then
    maven+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
    pacmak+=(--maven-local-repository "$MAVEN_REPO_LOCAL")
  fi
  npx projen package:java "${pacmak[@]}" || return 1
  # Maven keeps a copy of every artifact it resolved, and ours keeps its version between builds:
  # drop the copy so the jar just built is the one tested.
  rm -rf "${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/io/github/cdk8s-netpol"
  (cd test/languages/java && "${maven[@]}" test)
}

go_suite() {
  npx projen package:go || return 1
  (cd test/languages/go && go test -v -count=1 ./...)
}

if python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  run_language python python_suite
else
  skipped+=("python (python3 with the venv module is not installed)")
fi
if command -v mvn >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then
  run_language java java_suite
else
  skipped+=("java (mvn or a JDK is not installed)")
fi
if command -v go >/dev/null 2>&1; then
  run_language go go_suite
else
  skipped+=("go (go is not installed)")
fi

say "generating the .NET code (no .NET SDK is needed: it is not built)"
if npx projen package:dotnet; then passed+=(".NET code generation"); else failed+=(".NET code generation"); fi

for entry in "${passed[@]}"; do say "passed: $entry"; done
for entry in "${skipped[@]}"; do say "SKIPPED: $entry"; done
for entry in "${failed[@]}"; do say "FAILED: $entry"; done
[ "${#failed[@]}" -eq 0 ]
