#!/usr/bin/env bash
# Cached-tile throughput of Phaenthi against nginx serving the very same tile bytes as static files.
#
# Starts phaenthi.jar on loopback (or uses a running one given by PHAENTHI_URL), warms a list of
# tile URLs over Thailand, saves every non-empty tile as static files (raw .mvt plus .mvt.gz for
# gzip_static), starts nginx with its own config and prefix in a temp dir, and runs the identical
# wrk load (gzip accepted, URLs cycled by cycle.lua) against both, alternating for ROUNDS rounds.
# Prints requests/s, latency, the server's CPU time per request (user+sys of its processes, which
# is steadier than requests/s on a shared machine) and the ratio.
#
# Usage (from the repository root, after ./mvnw -q -B -pl server -am package -DskipTests):
#   server/src/bench/tiles-vs-nginx.sh
# Environment: PORT (8094) NGINX_PORT (8095) DATA (/work/shared/data) STORE (/tmp/bench/store)
#   DURATION (15s) WARMUP (15s, JIT) ROUNDS (2) THREADS (2) CONNECTIONS (32) TILES (the tile-paths.py arguments)
#   NGINX_WORKERS (auto) PHAENTHI_URL (skip starting the server) JAVA_OPTS
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
PORT="${PORT:-8094}"
NGINX_PORT="${NGINX_PORT:-8095}"
DATA="${DATA:-/work/shared/data}"
STORE="${STORE:-/tmp/bench/store}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-15s}"
ROUNDS="${ROUNDS:-2}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
TILES="${TILES:-province:4-8 district:5-9 subdistrict:6-10 --max-per-zoom 40}"
NGINX_WORKERS="${NGINX_WORKERS:-auto}"
JAVA_OPTS="${JAVA_OPTS:--Xmx3g}"

WORK="$(mktemp -d /tmp/phaenthi-bench-XXXXXX)"
chmod 755 "$WORK"
SERVER_PID=""
NGINX_STARTED=""
cleanup() {
  if [[ -n "$NGINX_STARTED" ]]; then nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop || true; fi
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y wrk nginx curl)" >&2; exit 1; }
done

if [[ -n "${PHAENTHI_URL:-}" ]]; then
  BASE="$PHAENTHI_URL"
else
  BASE="http://127.0.0.1:$PORT"
  mkdir -p "$(dirname "$STORE")"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$ROOT/server/target/phaenthi.jar" --host 127.0.0.1 --port "$PORT" \
    --data "$DATA" --store "$STORE" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  echo "started phaenthi (pid $SERVER_PID), log $WORK/server.log; waiting for /health (first start imports)"
  for _ in $(seq 1 600); do
    curl -sf "$BASE/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 1
  done
fi
curl -sf "$BASE/health" >/dev/null

# Warm the cache and save the bytes for nginx: raw tile and its gzip, empty tiles (204) left out.
WWW="$WORK/www"
python3 "$HERE/tile-paths.py" $TILES >"$WORK/all-paths.txt"
: >"$WORK/paths.txt"
t0=$(date +%s.%N)
while read -r path; do
  mkdir -p "$WWW$(dirname "$path")"
  code=$(curl -s -H 'Accept-Encoding: gzip' -o "$WWW$path.gz" -w '%{http_code}' "$BASE$path")
  if [[ "$code" == 200 ]]; then
    gunzip -c "$WWW$path.gz" >"$WWW$path"
    echo "$path" >>"$WORK/paths.txt"
  else
    rm -f "$WWW$path.gz"
  fi
done <"$WORK/all-paths.txt"
t1=$(date +%s.%N)
chmod -R a+rX "$WWW"
N=$(wc -l <"$WORK/paths.txt")
GZ_BYTES=$(find "$WWW" -name '*.gz' -printf '%s\n' | awk '{s+=$1} END {print s}')
printf 'warmed %d URLs (%d non-empty tiles, %.1f MB gzip) in %.1f s\n' \
  "$(wc -l <"$WORK/all-paths.txt")" "$N" "$(echo "$GZ_BYTES / 1048576" | bc -l)" "$(echo "$t1 - $t0" | bc -l)"

mkdir -p "$WORK/nginx/logs"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes $NGINX_WORKERS;
error_log $WORK/nginx/logs/error.log warn;
pid $WORK/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  types { application/vnd.mapbox-vector-tile mvt; }
  access_log $WORK/nginx/logs/access.log;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 65s;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WWW;
    gzip_static on;
    gzip_vary on;
    add_header Cache-Control "public, max-age=86400";
  }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
NGINX_STARTED=1
NGINX="http://127.0.0.1:$NGINX_PORT"
sleep 0.5

# The same bytes from both (the first path, gzip as sent on the wire).
first=$(head -1 "$WORK/paths.txt")
cmp <(curl -s -H 'Accept-Encoding: gzip' "$BASE$first") <(curl -s -H 'Accept-Encoding: gzip' "$NGINX$first") \
  || { echo "nginx and phaenthi differ on $first" >&2; exit 1; }

TICK=$(getconf CLK_TCK)
cpu_ticks() { # pids... -> user+sys clock ticks so far
  local t=0 f
  for p in "$@"; do f=($(cut -d' ' -f14,15 "/proc/$p/stat")); t=$((t + f[0] + f[1])); done
  echo "$t"
}
load() { # name base-url round pids... -> wrk output in $WORK/wrk-name-round.txt, CPU us/request
  local name=$1 url=$2 round=$3
  shift 3
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/cycle.lua" "$url" -- "$WORK/paths.txt" >/dev/null
  local before after
  before=$(cpu_ticks "$@")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/cycle.lua" "$url" -- "$WORK/paths.txt" \
    >"$WORK/wrk-$name-$round.txt"
  after=$(cpu_ticks "$@")
  local req
  req=$(sed -E -n 's/^RESULT requests=([0-9]+).*/\1/p' "$WORK/wrk-$name-$round.txt")
  if [[ $# -gt 0 ]]; then echo $(( (after - before) * 1000000 / TICK / req )) >"$WORK/cpu-$name-$round.txt"; else echo - >"$WORK/cpu-$name-$round.txt"; fi
  grep -E '^(Requests/sec|RESULT)' "$WORK/wrk-$name-$round.txt" | sed "s/^/  $name round $round: /"
}

NGINX_PIDS=("$(cat "$WORK/nginx/nginx.pid")" $(pgrep -P "$(cat "$WORK/nginx/nginx.pid")"))
SERVER_PIDS=()
[[ -n "$SERVER_PID" ]] && SERVER_PIDS=("$SERVER_PID")
echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP warm-up) over $N tile URLs, $ROUNDS rounds"
for r in $(seq 1 "$ROUNDS"); do
  load phaenthi "$BASE" "$r" "${SERVER_PIDS[@]}"
  load nginx "$NGINX" "$r" "${NGINX_PIDS[@]}"
done

echo
printf '%-6s %-9s %12s %8s %8s %14s\n' round server 'requests/s' 'p50 ms' 'p99 ms' 'CPU us/request'
for r in $(seq 1 "$ROUNDS"); do
  for s in phaenthi nginx; do
    f="$WORK/wrk-$s-$r.txt"
    printf '%-6s %-9s %12s %8s %8s %14s\n' "$r" "$s" "$(awk '/^Requests\/sec:/ {print $2}' "$f")" \
      "$(sed -E -n 's/.*p50_ms=([0-9.]+).*/\1/p' "$f")" "$(sed -E -n 's/.*p99_ms=([0-9.]+).*/\1/p' "$f")" \
      "$(cat "$WORK/cpu-$s-$r.txt")"
  done
  printf '       ratio phaenthi/nginx round %s: %.2f (target >= 0.80)\n' "$r" \
    "$(echo "$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk-phaenthi-$r.txt") / $(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk-nginx-$r.txt")" | bc -l)"
done
