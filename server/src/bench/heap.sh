#!/usr/bin/env bash
# Heap benchmarks: builds the test classes, snapshots them (other builds may clean target/
# meanwhile) and runs one benchmark class of org.phaenthi.server.bench with its options.
#
# Usage, from the repository root:
#   JAVA_OPTS=-Xmx3g server/src/bench/heap.sh SyntheticCatalogueBench [--representation columns|boxed]
#     [--years 10] [--indicators 100] [--seed 2561] [--data /work/shared/data]
#   JAVA_OPTS=-Xmx2g server/src/bench/heap.sh RealDataHeapBench [--store /tmp/heap-bench/store]
#     [--data /work/shared/data]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
CLASS="$1"
shift
SNAP="$(mktemp -d /tmp/phaenthi-heapbench-XXXXXX)"
trap 'rm -rf "$SNAP"' EXIT
./mvnw -q -B -pl server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$SNAP/cp.txt" -Dmdep.includeScope=test >"$SNAP/build.log" 2>&1 \
  || { cat "$SNAP/build.log" >&2; exit 1; }
CP=""
i=0
for entry in server/target/test-classes server/target/classes $(tr ':' '\n' <"$SNAP/cp.txt"); do
  if [[ -d "$entry" ]]; then
    i=$((i + 1))
    cp -r "$entry" "$SNAP/dir$i"
    entry="$SNAP/dir$i"
  fi
  CP="$CP${CP:+:}$entry"
done
java ${JAVA_OPTS:--Xmx3g} -cp "$CP" "org.phaenthi.server.bench.$CLASS" "$@"
