#!/usr/bin/env bash
# Kleur's load harness (issue 11): the demo organisation (100,000 people by default), `kleur serve`
# (release build) on SQLite, on PostgreSQL and as two nodes on PostgreSQL behind one port, loaded
# with wrk at 32 connections on loopback; baselines measured in the same run (a bare axum page,
# raw SQLite inserts). Prints a Markdown report and writes it to $OUT.
#
#   bench/load.sh                       # everything, 100,000 people
#   PEOPLE=2000 DURATION=5 ROUTE_DURATION=3 bench/load.sh   # a quick check
#
# Needs: a release build (built here if missing), wrk (installed with apt-get if missing),
# python3, curl, psql and a PostgreSQL at $PG (trust auth) for the PostgreSQL parts.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEOPLE=${PEOPLE:-100000}
DURATION=${DURATION:-20}              # seconds of the mixed run
ROUTE_DURATION=${ROUTE_DURATION:-10}  # seconds of each single-route run
CLIENTS=${CLIENTS:-32}
THREADS=${THREADS:-2}
USERS=${USERS:-64}                    # signed-in demo users
MIX_EXCLUDE=${MIX_EXCLUDE:-}          # a route to leave out of the mix, e.g. search
PG=${PG:-postgres://postgres@127.0.0.1:5432}
PG_DB=${PG_DB:-kleur_load}
SKIP_PG=${SKIP_PG:-}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
KLEUR=${KLEUR:-$TARGET/release/kleur}
BASELINE=${BASELINE:-$TARGET/release/examples/baseline}
WORK=$(mktemp -d /tmp/kleur-load.XXXXXX)
OUT=${OUT:-$WORK/report.md}
PREPARE="python3 $ROOT/bench/prepare.py"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
if [[ ! -x $KLEUR || ! -x $BASELINE ]]; then
  # Two commands: with `--example`, cargo would build only the example, not the binary.
  (cd "$ROOT" && cargo build --release -p kleur && cargo build --release -p kleur-web --example baseline)
fi

report() { echo "$*" | tee -a "$OUT"; }
now_ms() { date +%s%3N; }

# start NAME PORT DB_URL: starts `kleur serve`, sets $PID and prints the cold start (to /readyz).
start_kleur() {
  local name=$1 port=$2 db=$3 started
  started=$(now_ms)
  env ${SERVE_ENV:-} KLEUR_DATABASE_URL=$db KLEUR_LISTEN=127.0.0.1:$port KLEUR_BASE_URL=http://127.0.0.1:$port \
    KLEUR_DATA_DIR=$WORK/data-$name "$KLEUR" serve >"$WORK/$name.log" 2>&1 &
  PID=$!
  PIDS+=("$PID")
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
    kill -0 "$PID" || { cat "$WORK/$name.log"; exit 1; }
    sleep 0.005
  done
  COLD=$(( $(now_ms) - started ))
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

rss_mb() { awk -v k="$2" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# wrk_run LABEL ROUTE SECONDS BASE DATA: one wrk run; sets $RESULT to its RESULT line.
wrk_run() {
  local label=$1 route=$2 seconds=$3 base=$4 data=$5
  RESULT=$(LOAD_DATA=$data LOAD_ROUTE=$route LOAD_EXCLUDE=${MIX_EXCLUDE:-} wrk -t"$THREADS" -c"$CLIENTS" -d"${seconds}s" \
    --timeout 10s -s "$ROOT/bench/mix.lua" "$base" | tee "$WORK/wrk-$label.txt" | grep '^RESULT')
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$RESULT"; }

row() { # label: one Markdown row from $RESULT
  report "| $1 | $(field rps) | $(field p50_ms) | $(field p99_ms) | $(field ok) | $(field saved) | $(( $(field failed) + $(field socket_errors) )) |"
}

header() {
  report ""
  report "| run | requests/s | p50 ms | p99 ms | 200 | saved | errors |"
  report "| --- | --- | --- | --- | --- | --- | --- |"
}

# mixed_run LABEL BASE DATA DB PIDS...: the mix, with RSS sampled and the lost-write check.
mixed_run() {
  local label=$1 base=$2 data=$3 db=$4; shift 4
  local before after pid peak=0 sampler
  before=$($PREPARE count "$db")
  ( while true; do
      for pid in "$@"; do rss_mb "$pid" VmRSS; echo; done
      sleep 0.5
    done >"$WORK/rss-$label.txt" 2>/dev/null ) &
  sampler=$!
  wrk_run "$label" "" "$DURATION" "$base" "$data"
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  after=$($PREPARE count "$db")
  peak=$(sort -n "$WORK/rss-$label.txt" | tail -1)
  MIX_RESULT=$RESULT
  row "$label: mix"
  local delta=$(( after - before )) saved sent
  saved=$(field saved); sent=$(field saves_sent)
  WRITES="items before $before, after $after: +$delta; saves answered 303: $saved, sent: $sent"
  if (( delta < saved || delta > sent )); then WRITES="$WRITES — LOST OR EXTRA WRITES"; fi
  NOTES+=("$label: $WRITES; peak RSS under load $peak MB per node ($*)")
}

NOTES=()
: >"$OUT"
report "## Load run $(date -u +'%Y-%m-%d %H:%M UTC'), $PEOPLE people, $CLIENTS connections, mix ${DURATION}s${MIX_EXCLUDE:+ without $MIX_EXCLUDE}, single routes ${ROUTE_DURATION}s"
report ""
report "Machine: $(nproc) cores ($(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)."

# ---- baselines ----
"$BASELINE" serve 127.0.0.1:8090 >/dev/null 2>&1 &
BARE_PID=$!; PIDS+=("$BARE_PID")
until curl -sf http://127.0.0.1:8090/readyz >/dev/null; do sleep 0.01; done
: >"$WORK/empty.tsv"
header
wrk_run bare bare "$ROUTE_DURATION" http://127.0.0.1:8090 "$WORK/empty.tsv"
row "baseline: bare axum page"
BARE_RPS=$(field rps)
stop "$BARE_PID"
RAW_INSERTS=$("$BASELINE" inserts "sqlite://$WORK/raw.db" "$ROUTE_DURATION" "$CLIENTS")
report ""
report "Baseline raw SQLite inserts (one-row transactions, $CLIENTS tasks): $RAW_INSERTS inserts/s."

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# single_node NAME DB_URL: demo generation, cold start, the mix, each route alone.
single_node() {
  local name=$1 db=$2 demo_time
  report ""
  report "### $name"
  /usr/bin/time -f "%e %M" -o "$WORK/demo-$name.time" env KLEUR_DATABASE_URL="$db" \
    KLEUR_DATA_DIR="$WORK/data-$name" "$KLEUR" demo --people "$PEOPLE" --no-serve >"$WORK/demo-$name.log" 2>&1
  read -r demo_time demo_rss <"$WORK/demo-$name.time"
  if [[ $db == postgres* ]]; then
    # Planner statistics for the freshly loaded tables, as autovacuum would gather them (the
    # project's test PostgreSQL runs with autovacuum off; without statistics the pages are ~25×
    # slower at 100,000 people).
    psql -X -q "$db" -c "ANALYZE"
  fi
  start_kleur "$name" 8081 "$db"
  local pid=$PID cold=$COLD idle_rss signed_rss
  idle_rss=$(rss_mb "$pid" VmRSS)
  $PREPARE sessions "$db" http://127.0.0.1:8081 "$USERS" "$WORK/sessions-$name.tsv" | tee -a "$OUT"
  signed_rss=$(rss_mb "$pid" VmRSS)
  header
  mixed_run "$name" http://127.0.0.1:8081 "$WORK/sessions-$name.tsv" "$db" "$pid"
  local route own_rps=0 report_rps=0 save_rps=0
  for route in home own colleague search report save; do
    wrk_run "$name-$route" "$route" "$ROUTE_DURATION" http://127.0.0.1:8081 "$WORK/sessions-$name.tsv"
    row "$name: $route"
    case $route in
      own) own_rps=$(field rps) ;;
      report) report_rps=$(field rps) ;;
      save) save_rps=$(field rps) ;;
    esac
  done
  local hwm; hwm=$(rss_mb "$pid" VmHWM)
  stop "$pid"
  report ""
  report "- demo generation: ${demo_time} s, max RSS $(( demo_rss / 1024 )) MB; cold start to /readyz: ${cold} ms; server RSS idle after start ${idle_rss} MB, after the sign-ins (Argon2) ${signed_rss} MB, peak (VmHWM) ${hwm} MB"
  report "- ratios to the bare axum page: own portfolio $(ratio "$own_rps" "$BARE_RPS"), report $(ratio "$report_rps" "$BARE_RPS"), mix $(ratio "$(sed -n 's/.* rps=\([^ ]*\).*/\1/p' <<<"$MIX_RESULT")" "$BARE_RPS"); saving an item to raw SQLite inserts: $(ratio "$save_rps" "$RAW_INSERTS")"
  report "- ${NOTES[-1]}"
}

single_node sqlite "sqlite://$WORK/data-sqlite/kleur.db"

# The same SQLite node with glibc's mmap threshold fixed: Argon2 (19 MiB per sign-in) then gets
# its memory from mmap and returns it, instead of growing the heap arenas for good.
report ""
report "### sqlite, MALLOC_MMAP_THRESHOLD_=131072"
SERVE_ENV=MALLOC_MMAP_THRESHOLD_=131072 start_kleur sqlite-mmap 8085 "sqlite://$WORK/data-sqlite/kleur.db"
MMAP_PID=$PID
$PREPARE sessions "sqlite://$WORK/data-sqlite/kleur.db" http://127.0.0.1:8085 "$USERS" "$WORK/sessions-mmap.tsv" | tee -a "$OUT"
MMAP_SIGNED=$(rss_mb "$MMAP_PID" VmRSS)
header
mixed_run sqlite-mmap http://127.0.0.1:8085 "$WORK/sessions-mmap.tsv" "sqlite://$WORK/data-sqlite/kleur.db" "$MMAP_PID"
report ""
report "- server RSS after the sign-ins ${MMAP_SIGNED} MB, peak (VmHWM) $(rss_mb "$MMAP_PID" VmHWM) MB"
report "- ${NOTES[-1]}"
stop "$MMAP_PID"

if [[ -z $SKIP_PG ]]; then
  PG_URL="$PG/$PG_DB"
  psql -X -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB"
  single_node postgres "$PG_URL"

  # ---- two nodes on PostgreSQL behind one port ----
  report ""
  report "### two nodes on PostgreSQL (round-robin proxy per connection)"
  start_kleur node-a 8082 "$PG_URL"; A_PID=$PID; A_COLD=$COLD
  start_kleur node-b 8083 "$PG_URL"; B_PID=$PID
  "$BASELINE" proxy 127.0.0.1:8084 127.0.0.1:8082 127.0.0.1:8083 >/dev/null 2>&1 &
  PROXY_PID=$!; PIDS+=("$PROXY_PID")
  until curl -sf http://127.0.0.1:8084/readyz >/dev/null; do sleep 0.01; done
  $PREPARE shared http://127.0.0.1:8082 http://127.0.0.1:8083 | tee -a "$OUT"
  # Signed in on node A directly (the proxy would make every sign-in come from one address and
  # meet the per-client sign-in limit); the sessions are in the database, so both nodes serve them.
  $PREPARE sessions "$PG_URL" http://127.0.0.1:8082 "$USERS" "$WORK/sessions-two.tsv" | tee -a "$OUT"
  header
  mixed_run two-nodes http://127.0.0.1:8084 "$WORK/sessions-two.tsv" "$PG_URL" "$A_PID" "$B_PID"
  report ""
  report "- cold start of node A: ${A_COLD} ms; peak RSS (VmHWM) node A $(rss_mb "$A_PID" VmHWM) MB, node B $(rss_mb "$B_PID" VmHWM) MB"
  report "- ${NOTES[-1]}"
  stop "$PROXY_PID"; stop "$A_PID"; stop "$B_PID"
fi

report ""
report "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg). Raw output: $WORK"
