#!/usr/bin/env bash
# Embedded H2 vs PostGIS, same data, same run: store import and load times, then /api/values and
# cold/warm tile latency on a node of each. Loopback only; bounded. Prints a table.
#
#   server/src/bench/stores.sh [DATA_DIR]        (default ../shared/data; run from the repo root)
#
# Needs: a built server/target/phaenthi.jar, PostgreSQL 15 + postgresql-15-postgis-3 (Debian), curl.
set -euo pipefail
DATA=${1:-../shared/data}
JAR=server/target/phaenthi.jar
PGBIN=/usr/lib/postgresql/15/bin
WORK=$(mktemp -d /tmp/phaenthi-stores.XXXX)
PGPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
P1=$((PGPORT + 1)); P2=$((PGPORT + 2))
cleanup() {
  kill "${E_PID:-}" "${G_PID:-}" 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -B package -DskipTests"; exit 1; }

mkdir -p "$WORK/pg" && chown postgres "$WORK" "$WORK/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -A trust -U postgres --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
PGURL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"

secs() { python3 -c "import time;print(time.time())"; }
wait_up() { until curl -sf -o /dev/null "http://127.0.0.1:$1/health"; do sleep 0.2; done; }

t0=$(secs); java -jar "$JAR" --data "$DATA" --store "$WORK/h2" --import-only >"$WORK/h2-import.log" 2>&1; t1=$(secs)
java -jar "$JAR" --data "$DATA" --store "$PGURL" --import-only >"$WORK/pg-import.log" 2>&1; t2=$(secs)
echo "import (first start): embedded $(python3 -c "print(round($t1-$t0,1))") s, PostGIS $(python3 -c "print(round($t2-$t1,1))") s"

t0=$(secs); java -jar "$JAR" --data "$DATA" --store "$WORK/h2" --port $P1 >"$WORK/h2.log" 2>&1 & E_PID=$!; wait_up $P1; t1=$(secs)
java -jar "$JAR" --data "$DATA" --store "$PGURL" --port $P2 >"$WORK/pg.log" 2>&1 & G_PID=$!; wait_up $P2; t2=$(secs)
echo "warm start to /health: embedded $(python3 -c "print(round($t1-$t0,1))") s, PostGIS $(python3 -c "print(round($t2-$t1,1))") s"
grep -h "read " "$WORK/h2.log" "$WORK/pg.log" | sed 's/^.*SqlDatasetCodec - /  store read: /'

# percentile of curl times (ms) for a list of URLs on one port
lat() {
  local port=$1; shift
  for u in "$@"; do curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w "%{time_total}\n" "http://127.0.0.1:$port$u"; done |
    python3 -c "import sys;v=sorted(float(x)*1000 for x in sys.stdin);print('median %.1f ms  p95 %.1f ms  (n=%d)'%(v[len(v)//2],v[int(len(v)*0.95)-1],len(v)))"
}
VALUES=(); for l in province district subdistrict; do for i in bmn-2560:16 tpmap:target_poor_rate bmn-2560:7; do for r in 1 2 3 4 5 6 7; do VALUES+=("/api/values?level=$l&indicator=$i&year=2561"); done; done; done
TILES=$(python3 - <<'PY'
import math, random
random.seed(7)
def tile(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return f"/tiles/subdistrict/{z}/{x}/{y}.mvt"
out = []
for z in range(4, 15):
    for _ in range(6):
        out.append(tile(random.uniform(98.5, 104.5), random.uniform(7.0, 19.5), z))
print(" ".join(out))
PY
)
read -r -a TILE_ARR <<<"$TILES"
echo "| | embedded H2 | PostGIS |"
echo "|---|---|---|"
echo "| /api/values (63 requests) | $(lat $P1 "${VALUES[@]}") | $(lat $P2 "${VALUES[@]}") |"
echo "| subdistrict tiles z4-14, cold (66) | $(lat $P1 "${TILE_ARR[@]}") | $(lat $P2 "${TILE_ARR[@]}") |"
echo "| same tiles, cached | $(lat $P1 "${TILE_ARR[@]}") | $(lat $P2 "${TILE_ARR[@]}") |"
