#!/usr/bin/env bash
# Cold tiles per zoom, ours against PostGIS ST_AsMVT: builds the test classes, snapshots them (other
# builds may clean target/ meanwhile) and runs org.phaenthi.server.bench.ColdTilesBench.
#
# Usage, from the repository root: server/src/bench/cold-tiles.sh [--class FirstRequestBench]
#   (or --class browser.FirstMapBench --urls old=URL,new=URL: the first coloured map in Chromium)
#   [--store /tmp/bench/store]
#   [--tiles 30] [--min-renders 20] [--max-zoom 14] [--postgis false] [--seed N]
# The embedded store is imported from /work/shared/data (or --data) when out of date; it must not
# be open in a running server. Needs PostgreSQL 15 + PostGIS for the comparison.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
SNAP="$(mktemp -d /tmp/phaenthi-coldbench-XXXXXX)"
trap 'rm -rf "$SNAP"' EXIT
./mvnw -q -B -pl server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$SNAP/cp.txt" -Dmdep.includeScope=test >"$SNAP/build.log" 2>&1 \
  || { cat "$SNAP/build.log" >&2; exit 1; }
CP=""
i=0
# one entry a line, read whole: a local repository path may contain spaces
while IFS= read -r entry; do
  [[ -n "$entry" ]] || continue
  if [[ -d "$entry" ]]; then
    i=$((i + 1))
    cp -r "$entry" "$SNAP/dir$i"
    entry="$SNAP/dir$i"
  fi
  CP="$CP${CP:+:}$entry"
done < <(printf '%s\n' server/target/test-classes server/target/classes; tr ':' '\n' <"$SNAP/cp.txt")
CLASS=ColdTilesBench
if [[ "${1:-}" == "--class" ]]; then
  CLASS="$2"
  shift 2
fi
# a class outside bench/ is named from org.phaenthi.server, e.g. --class browser.FirstMapBench
if [[ "$CLASS" == *.* ]]; then MAIN="org.phaenthi.server.$CLASS"; else MAIN="org.phaenthi.server.bench.$CLASS"; fi
java -Xmx4g ${JAVA_OPTS:-} -cp "$CP" "$MAIN" "$@"
