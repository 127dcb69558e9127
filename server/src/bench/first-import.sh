#!/usr/bin/env bash
# First import and warm start, a baseline commit's jar against this tree's, alternately, on the same
# data: each round starts each jar on an empty store (the first import: process start to the log's
# "published", and to /health 200 with the pyramid rendered), stops it, then starts it again on
# that store (the warm start: process start to /health 200). Prints every round and the medians,
# with the ratio new / baseline and the load average next to each round.
#
# Usage, from the repository root:
#   server/src/bench/first-import.sh [--baseline c7553b6] [--rounds 3] [--data /work/shared/data]
#     [--port 9210] [--work /tmp/phaenthi-first-import] [--java-opts "-Xmx3g"] [--no-build]
# The baseline is built from `git archive` of the commit (its own Maven local repository under
# --work, sharing ~/.m2/repository read-only); this tree's jar is built with ./mvnw package unless
# --no-build. Ports --port and --port+1 must be free; every server it starts is stopped at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
BASELINE=c7553b6
ROUNDS=3
DATA=/work/shared/data
PORT=9210
WORK=/tmp/phaenthi-first-import
JOPTS="-Xmx3g"
TICK=$(getconf CLK_TCK)
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) BASELINE="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --java-opts) JOPTS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$WORK"
BASE_SHA="$(git rev-parse --short "$BASELINE")"
BASE_SRC="$WORK/src-$BASE_SHA"
BASE_JAR="$WORK/phaenthi-$BASE_SHA.jar"
NEW_JAR="$WORK/phaenthi-new.jar"
if [[ ! -f "$BASE_JAR" ]]; then
  rm -rf "$BASE_SRC" && mkdir -p "$BASE_SRC"
  git archive "$BASE_SHA" | tar -x -C "$BASE_SRC"
  echo "building baseline $BASE_SHA in $BASE_SRC ..." >&2
  (cd "$BASE_SRC" && ./mvnw -q -B package -DskipTests -Dmaven.repo.local="$WORK/m2" \
    -Dmaven.repo.local.tail="$HOME/.m2/repository") >"$WORK/build-base.log" 2>&1 \
    || { tail -50 "$WORK/build-base.log" >&2; exit 1; }
  cp "$BASE_SRC/server/target/phaenthi.jar" "$BASE_JAR"
fi
if [[ $BUILD == 1 ]]; then
  echo "building $(git rev-parse --short HEAD)$(git diff --quiet || echo +changes) ..." >&2
  ./mvnw -q -B package -DskipTests >"$WORK/build-new.log" 2>&1 \
    || { tail -50 "$WORK/build-new.log" >&2; exit 1; }
fi
cp server/target/phaenthi.jar "$NEW_JAR"

PID=""
cleanup() { if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
# CPU seconds (user + system, every thread, GC included) the server has used so far: steadier than
# wall time on a machine other work loads
cpu_s() { awk -v t="$TICK" '{printf "%.1f", ($14 + $15) / t}' "/proc/$PID/stat"; }
# start JAR on STORE at PORT, wait for /health 200; sets MS (process start to 200) and CPU, PID
# (run in this shell, not in $(...): the server's PID must stay known to stop it)
run_until_health() {
  local jar="$1" store="$2" port="$3" log="$4" t0 code
  t0=$(now_ms)
  # shellcheck disable=SC2086
  java $JOPTS -jar "$jar" --port "$port" --store "$store" --data "$DATA" --access-log false \
    >"$log" 2>&1 &
  PID=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
    [[ "$code" == 200 ]] && break
    if ! kill -0 "$PID" 2>/dev/null; then echo "server exited, see $log" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.05
  done
  MS=$(($(now_ms) - t0))
  CPU=$(cpu_s)
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
# the importer's own figure: "published N in M ms" (DataBootstrap)
published_ms() { grep -o 'published [0-9]* in [0-9]* ms' "$1" | tail -1 | awk '{print $4}'; }

declare -A HEALTH WARM PUB CPU1 CPU2
printf '%-5s %-9s %12s %14s %10s %10s %10s  %s\n' round jar published_ms first_health_ms first_cpu_s warm_ms warm_cpu_s load
for r in $(seq 1 "$ROUNDS"); do
  # alternate which jar goes first
  if (( r % 2 )); then ORDER="base new"; else ORDER="new base"; fi
  for which in $ORDER; do
    if [[ $which == base ]]; then jar="$BASE_JAR"; port=$PORT; else jar="$NEW_JAR"; port=$((PORT + 1)); fi
    store="$WORK/store-$which"
    rm -rf "$store"
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    run_until_health "$jar" "$store" "$port" "$WORK/first-$which-$r.log"
    h=$MS c1=$CPU
    stop
    p=$(published_ms "$WORK/first-$which-$r.log")
    run_until_health "$jar" "$store" "$port" "$WORK/warm-$which-$r.log"
    w=$MS c2=$CPU
    stop
    PUB[$which]+="$p "; HEALTH[$which]+="$h "; WARM[$which]+="$w "; CPU1[$which]+="$c1 "; CPU2[$which]+="$c2 "
    printf '%-5s %-9s %12s %14s %10s %10s %10s  %s\n' "$r" "$which" "$p" "$h" "$c1" "$w" "$c2" "$load"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
printf '%-22s %12s %12s %8s\n' "median (ms)" "$BASE_SHA" new ratio
for k in PUB HEALTH CPU1 WARM CPU2; do
  declare -n M=$k
  b=$(echo "${M[base]}" | median); n=$(echo "${M[new]}" | median)
  printf '%-22s %12s %12s %8s\n' "$k" "$b" "$n" "$(awk -v n="$n" -v b="$b" 'BEGIN {printf "%.2f", n / b}')"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
