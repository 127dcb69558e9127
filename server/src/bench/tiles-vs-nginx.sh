#!/usr/bin/env bash
# Cached-tile throughput of Phaenthi against nginx serving the very same tile bytes as static files.
#
# Starts phaenthi.jar twice on loopback, with the access log on (the default) and off (each on its
# own copy of the store), warms a list of tile URLs over Thailand, saves every non-empty tile as
# static files (raw .mvt plus .mvt.gz), and starts nginx configured as a production static server
# (gzip_static, access log off, sendfile, open_file_cache; its own config and prefix in a temp
# dir). Then, for ROUNDS rounds and for each kind of client (gzip: a browser or MapLibre; identity:
# no Accept-Encoding, like curl, seeders and some GIS tools), it runs the identical wrk load (URLs
# cycled by cycle.lua) against each server in turn, in the same run. Prints requests/s, latency, the
# server's CPU time per request (user+sys of its processes, steadier than requests/s on a shared
# machine), the load average before each load, and the ratios to nginx.
#
# Usage (from the repository root, after ./mvnw -q -B -pl server -am package -DskipTests):
#   server/src/bench/tiles-vs-nginx.sh
# Environment: PORT (8094; the log-off server takes PORT+2) NGINX_PORT (8095) DATA (/work/shared/data)
#   STORE (/tmp/bench/store) DURATION (15s) WARMUP (5s before each measured run) JIT_WARMUP (20s per
#   server and client kind, once) ROUNDS (2) THREADS (2) CONNECTIONS (32) TILES (tile-paths.py args)
#   CLIENTS ("gzip identity") LOGS ("on off": which Phaenthi servers) NGINX_WORKERS (auto)
#   NGINX_ACCESS_LOG (off) NGINX_OPEN_FILE_CACHE (on) JAVA_OPTS (-Xmx3g) PHAENTHI_ARGS (extra options)
#   BASELINE_JAR (unset: another build's phaenthi.jar, e.g. main's, started as "baseline-log-off" on
#   PORT+4 with the access log off and its own store copy, measured in the same rounds; the table then
#   also prints each log-off server's ratio to it)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
PORT="${PORT:-8094}"
NGINX_PORT="${NGINX_PORT:-8095}"
DATA="${DATA:-/work/shared/data}"
STORE="${STORE:-/tmp/bench/store}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
JIT_WARMUP="${JIT_WARMUP:-20s}"
ROUNDS="${ROUNDS:-2}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
TILES="${TILES:-province:4-8 district:5-9 subdistrict:6-10 --max-per-zoom 40}"
CLIENTS="${CLIENTS:-gzip identity}"
LOGS="${LOGS:-on off}"
NGINX_WORKERS="${NGINX_WORKERS:-auto}"
NGINX_ACCESS_LOG="${NGINX_ACCESS_LOG:-off}"
NGINX_OPEN_FILE_CACHE="${NGINX_OPEN_FILE_CACHE:-on}"
JAVA_OPTS="${JAVA_OPTS:--Xmx3g}"
PHAENTHI_ARGS="${PHAENTHI_ARGS:-}"
BASELINE_JAR="${BASELINE_JAR:-}"

WORK="$(mktemp -d /tmp/phaenthi-bench-XXXXXX)"
chmod 755 "$WORK"
declare -A SERVER_PID=() BASE=()
NGINX_STARTED=""
cleanup() {
  if [[ -n "$NGINX_STARTED" ]]; then nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop || true; fi
  for p in "${SERVER_PID[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk nginx curl python3 bc; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y wrk nginx curl bc)" >&2; exit 1; }
done

start_server() { # name port store access-log [jar]
  local name=$1 port=$2 store=$3 log=$4 jar=${5:-$ROOT/server/target/phaenthi.jar}
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$jar" --host 127.0.0.1 --port "$port" \
    --data "$DATA" --store "$store" --access-log "$log" $PHAENTHI_ARGS >"$WORK/server-$name.log" 2>&1 &
  SERVER_PID[$name]=$!
  BASE[$name]="http://127.0.0.1:$port"
}
wait_healthy() { # name
  local name=$1
  for _ in $(seq 1 900); do
    curl -sf "${BASE[$name]}/health" >/dev/null 2>&1 && return 0
    kill -0 "${SERVER_PID[$name]}" 2>/dev/null || { cat "$WORK/server-$name.log" >&2; exit 1; }
    sleep 1
  done
  echo "$name did not become healthy" >&2
  exit 1
}

# The log-off server opens its own copy of the store (the embedded store is a directory with a lock
# file, one process each; older stores were one H2 file, STORE.mv.db). The first start of all imports
# the data directory, before anything is copied.
mkdir -p "$(dirname "$STORE")"
if [[ ! -f "$STORE/publications.json" && ! -f "$STORE.mv.db" ]]; then
  echo "no store at $STORE: importing $DATA first"
  start_server import "$PORT" "$STORE" true
  wait_healthy import
  kill "${SERVER_PID[import]}"
  wait "${SERVER_PID[import]}" 2>/dev/null || true
  unset 'SERVER_PID[import]'
fi
SERVERS=()
for log in $LOGS; do
  name="phaenthi-log-$log"
  if [[ "$log" == on ]]; then
    start_server "$name" "$PORT" "$STORE" true
  else
    if [[ -d "$STORE" ]]; then cp -r "$STORE" "$WORK/store-copy"; rm -f "$WORK/store-copy/lock"
    else cp "$STORE.mv.db" "$WORK/store-copy.mv.db"; fi
    start_server "$name" $((PORT + 2)) "$WORK/store-copy" false
  fi
  SERVERS+=("$name")
done
if [[ -n "$BASELINE_JAR" ]]; then
  cp -r "$STORE" "$WORK/store-baseline"; rm -f "$WORK/store-baseline/lock"
  start_server baseline-log-off $((PORT + 4)) "$WORK/store-baseline" false "$BASELINE_JAR"
  SERVERS+=(baseline-log-off)
fi
for s in "${SERVERS[@]}"; do wait_healthy "$s"; done
echo "started ${SERVERS[*]} (logs in $WORK)"

# Warm the caches (both tiers) and save the bytes for nginx: raw tile and its gzip, empty tiles (204)
# left out. Every server renders its own tiles; the bytes are checked to be the same below.
WWW="$WORK/www"
python3 "$HERE/tile-paths.py" $TILES >"$WORK/all-paths.txt"
: >"$WORK/paths.txt"
t0=$(date +%s.%N)
first_server="${SERVERS[0]}"
while read -r path; do
  mkdir -p "$WWW$(dirname "$path")"
  code=$(curl -s -H 'Accept-Encoding: gzip' -o "$WWW$path.gz" -w '%{http_code}' "${BASE[$first_server]}$path")
  for s in "${SERVERS[@]:1}"; do curl -s -o /dev/null -H 'Accept-Encoding: gzip' "${BASE[$s]}$path"; done
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
GZ_BYTES=$(find "$WWW" -name '*.mvt.gz' -printf '%s\n' | awk '{s+=$1} END {print s}')
RAW_BYTES=$(find "$WWW" -name '*.mvt' -printf '%s\n' | awk '{s+=$1} END {print s}')
printf 'warmed %d URLs (%d non-empty tiles, %.1f MB gzip, %.1f MB uncompressed) in %.1f s\n' \
  "$(wc -l <"$WORK/all-paths.txt")" "$N" "$(echo "$GZ_BYTES / 1048576" | bc -l)" \
  "$(echo "$RAW_BYTES / 1048576" | bc -l)" "$(echo "$t1 - $t0" | bc -l)"

mkdir -p "$WORK/nginx/logs"
if [[ "$NGINX_ACCESS_LOG" == on ]]; then ACCESS="access_log $WORK/nginx/logs/access.log;"; else ACCESS="access_log off;"; fi
if [[ "$NGINX_OPEN_FILE_CACHE" == on ]]; then
  OFC="open_file_cache max=10000 inactive=60s; open_file_cache_valid 60s; open_file_cache_errors on;"
else
  OFC=""
fi
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes $NGINX_WORKERS;
error_log $WORK/nginx/logs/error.log warn;
pid $WORK/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  types { application/vnd.mapbox-vector-tile mvt; }
  $ACCESS
  $OFC
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
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
    gzip off;
    gzip_static on;
    gzip_vary on;
    add_header Cache-Control "public, max-age=300";
  }
}
CONF
# In the foreground of a background job rather than as a daemon: a daemon starts its own session,
# and with the kernel's autogroup scheduling (sched_autogroup_enabled=1) a session is scheduled as
# one group, so on a shared machine nginx and the JVM would get different shares of the CPU.
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_STARTED=1
for _ in $(seq 1 50); do [[ -s "$WORK/nginx/nginx.pid" ]] && break; sleep 0.1; done
BASE[nginx]="http://127.0.0.1:$NGINX_PORT"
sleep 0.5
echo "autogroup of this script: $(cat /proc/self/autogroup 2>/dev/null); of nginx: $(cat "/proc/$(cat "$WORK/nginx/nginx.pid")/autogroup" 2>/dev/null); of $first_server: $(cat "/proc/${SERVER_PID[$first_server]}/autogroup" 2>/dev/null)"
echo "nginx: access log $NGINX_ACCESS_LOG, open_file_cache $NGINX_OPEN_FILE_CACHE, sendfile on, gzip_static on"

# The same bytes from every server, gzip as sent on the wire and uncompressed.
for path in $(head -3 "$WORK/paths.txt"); do
  for s in "${SERVERS[@]}"; do
    cmp <(curl -s -H 'Accept-Encoding: gzip' "${BASE[$s]}$path") <(curl -s -H 'Accept-Encoding: gzip' "${BASE[nginx]}$path") \
      || { echo "nginx and $s differ on $path (gzip)" >&2; exit 1; }
    cmp <(curl -s "${BASE[$s]}$path") <(curl -s "${BASE[nginx]}$path") \
      || { echo "nginx and $s differ on $path (identity)" >&2; exit 1; }
  done
done

TICK=$(getconf CLK_TCK)
cpu_ticks() { # pids... -> user+sys clock ticks so far
  local t=0 f
  for p in "$@"; do f=($(cut -d' ' -f14,15 "/proc/$p/stat")); t=$((t + f[0] + f[1])); done
  echo "$t"
}
NGINX_PIDS=("$(cat "$WORK/nginx/nginx.pid")" $(pgrep -P "$(cat "$WORK/nginx/nginx.pid")"))
pids_of() { if [[ "$1" == nginx ]]; then echo "${NGINX_PIDS[@]}"; else echo "${SERVER_PID[$1]}"; fi; }
wrk_run() { # url client duration [--latency] -> wrk output
  local url=$1 client=$2 d=$3
  shift 3
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$d" "$@" -s "$HERE/cycle.lua" "$url" -- "$WORK/paths.txt" "$client"
}
load() { # server client round -> $WORK/wrk-server-client-round.txt, cpu-…, load-…
  local name=$1 client=$2 round=$3 f="$WORK/wrk-$1-$2-$3.txt"
  wrk_run "${BASE[$name]}" "$client" "$WARMUP" >/dev/null
  cut -d' ' -f1 /proc/loadavg >"$WORK/load-$name-$client-$round.txt"
  local before after req
  # shellcheck disable=SC2046
  before=$(cpu_ticks $(pids_of "$name"))
  wrk_run "${BASE[$name]}" "$client" "$DURATION" --latency >"$f"
  # shellcheck disable=SC2046
  after=$(cpu_ticks $(pids_of "$name"))
  req=$(sed -E -n 's/^RESULT requests=([0-9]+).*/\1/p' "$f")
  echo "scale=1; ($after - $before) * 1000000 / $TICK / $req" | bc >"$WORK/cpu-$name-$client-$round.txt"
  grep -E '^RESULT' "$f" | sed "s/^/  $name $client round $round: /"
}
rps() { awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk-$1-$2-$3.txt"; }

TARGETS=("${SERVERS[@]}" nginx)
echo "== JIT warm-up: $JIT_WARMUP per server and client kind"
for c in $CLIENTS; do for s in "${SERVERS[@]}"; do wrk_run "${BASE[$s]}" "$c" "$JIT_WARMUP" >/dev/null; done; done
echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP warm-up each) over $N tile URLs, $ROUNDS rounds"
echo "   uptime before: $(uptime)"
for r in $(seq 1 "$ROUNDS"); do
  for c in $CLIENTS; do
    for s in "${TARGETS[@]}"; do load "$s" "$c" "$r"; done
  done
done
echo "   uptime after: $(uptime)"
for s in "${SERVERS[@]}"; do
  w=$(curl -s "${BASE[$s]}/metrics" | sed -E -n 's/^phaenthi_tiles_identity_cache_weight_bytes ([0-9.E+]+).*/\1/p')
  rss=$(awk '/VmRSS/ {print $2}' "/proc/${SERVER_PID[$s]}/status")
  printf '%s: identity tier holds %.1f MB (with entry overhead); process RSS %.0f MB\n' "$s" \
    "$(echo "${w:-0}" | awk '{print $1 / 1048576}')" "$(echo "$rss / 1024" | bc -l)"
done

echo
printf '%-6s %-9s %-18s %12s %8s %8s %10s %6s\n' round client server 'requests/s' 'p50 ms' 'p99 ms' 'CPU us/req' 'load'
for r in $(seq 1 "$ROUNDS"); do
  for c in $CLIENTS; do
    for s in "${TARGETS[@]}"; do
      f="$WORK/wrk-$s-$c-$r.txt"
      printf '%-6s %-9s %-18s %12s %8s %8s %10s %6s\n' "$r" "$c" "$s" "$(rps "$s" "$c" "$r")" \
        "$(sed -E -n 's/.*p50_ms=([0-9.]+).*/\1/p' "$f")" "$(sed -E -n 's/.*p99_ms=([0-9.]+).*/\1/p' "$f")" \
        "$(cat "$WORK/cpu-$s-$c-$r.txt")" "$(cat "$WORK/load-$s-$c-$r.txt")"
    done
    for s in "${SERVERS[@]}"; do
      printf '       ratio %s/nginx, %s clients, round %s: %.2f (target >= 1.00); errors: %s\n' "$s" "$c" "$r" \
        "$(echo "$(rps "$s" "$c" "$r") / $(rps nginx "$c" "$r")" | bc -l)" \
        "$(sed -E -n 's/.*errors_status=([0-9]+).*/\1/p' "$WORK/wrk-$s-$c-$r.txt")"
    done
    if [[ -n "$BASELINE_JAR" && " ${SERVERS[*]} " == *" phaenthi-log-off "* ]]; then
      printf '       ratio phaenthi-log-off/baseline-log-off, %s clients, round %s: %.2f requests/s, %.2f CPU/request\n' \
        "$c" "$r" "$(echo "$(rps phaenthi-log-off "$c" "$r") / $(rps baseline-log-off "$c" "$r")" | bc -l)" \
        "$(echo "$(cat "$WORK/cpu-phaenthi-log-off-$c-$r.txt") / $(cat "$WORK/cpu-baseline-log-off-$c-$r.txt")" | bc -l)"
    fi
  done
done
