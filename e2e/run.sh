#!/usr/bin/env bash
# Browser end-to-end and accessibility tests for Kleur (Debian's Chromium + playwright-core + axe-core).
#
#   KLEUR_BIN=/path/to/kleur e2e/run.sh [test files...]
#
# Does not build Kleur: build it first (cargo build --bin kleur) and point KLEUR_BIN at it
# (default: ../target/debug/kleur relative to e2e/). Each test file starts its own `kleur demo`
# on a fresh SQLite database in a temp dir. Screenshots land in e2e/screenshots/.
set -euo pipefail
caller_dir="$(pwd)"
cd "$(dirname "$0")"
e2e_dir="$(pwd)"

CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_BIN" ]; then
  echo "e2e: $CHROMIUM_BIN is missing. Install Debian's Chromium first: apt-get update && apt-get install -y chromium" >&2
  exit 2
fi
export CHROMIUM_BIN

# A relative KLEUR_BIN is taken from where run.sh was called; the default from e2e/.
if [ -z "${KLEUR_BIN:-}" ]; then
  KLEUR_BIN="$e2e_dir/../target/debug/kleur"
elif [ "${KLEUR_BIN#/}" = "$KLEUR_BIN" ]; then
  KLEUR_BIN="$caller_dir/$KLEUR_BIN"
fi
export KLEUR_BIN
if [ ! -x "$KLEUR_BIN" ]; then
  echo "e2e: the kleur binary is missing at $KLEUR_BIN. Build it (cargo build --bin kleur) and set KLEUR_BIN." >&2
  exit 2
fi

if ! command -v node >/dev/null 2>&1; then
  echo "e2e: node is missing (Node.js 20 or newer is needed)." >&2
  exit 2
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "e2e: installing playwright-core and axe-core (npm ci)"
  # playwright-core has no install script that fetches a browser; --ignore-scripts keeps it that way.
  npm ci --ignore-scripts --no-audit --no-fund
fi

if [ "$#" -gt 0 ]; then
  # Test files may be named from where run.sh was called or from e2e/.
  files=()
  for file in "$@"; do
    if [ "${file#/}" = "$file" ] && [ -e "$caller_dir/$file" ]; then
      file="$caller_dir/$file"
    fi
    files+=("$file")
  done
else
  files=(tests/*.test.mjs)
fi

echo "e2e: kleur=$KLEUR_BIN chromium=$CHROMIUM_BIN"
# One test file at a time: each starts its own server and browser, and the machine has 2 cores.
exec node --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
