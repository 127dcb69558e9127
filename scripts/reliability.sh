#!/usr/bin/env bash
# The reliability suite of RELIABILITY.md, re-runnable in one go (not run by CI: it takes many
# minutes and wants PostGIS and the real data). Prints each step's figures; exits non-zero on the
# first failing step.
#
#   scripts/reliability.sh            # everything
#   FUZZ_TRIES=50000 scripts/reliability.sh fuzz
#
# Steps: kill (kill -9 during embedded publishes, reopened each time), postgis (store contract and
# the multi-node import lock and outage), faults (PostGIS backends killed and the cluster stopped and
# started under load, on a throwaway cluster of its own), mixed (60 s mixed load: 0 errors,
# cached-tile p99 ≤ 50 ms, against an idle baseline), load (200 concurrent exports, cached-tile
# p99, /health), slow (slow headers, per-client connections, write timeout, cancelled builds), fuzz
# (every query parameter of every route, FUZZ_TRIES tries), csp (browser: strict CSP).
# Every step runs; the script exits non-zero when any failed. The real-data steps (mixed, load)
# share one imported store in target/reliability-store (MIXED_SECONDS sets the mixed load's length).
set -euo pipefail
cd "$(dirname "$0")/.."
MVN="./mvnw -B"
FUZZ_TRIES="${FUZZ_TRIES:-20000}"
MIXED_SECONDS="${MIXED_SECONDS:-60}"
STORE="$PWD/target/reliability-store"
steps=("${@:-kill postgis faults mixed load slow fuzz csp}")
# shellcheck disable=SC2206
steps=(${steps[*]})

failed=()
run() { # name, maven args...
  local name=$1
  shift
  local t0=$SECONDS
  echo "== $name"
  if $MVN "$@" >"target/reliability-$name.log" 2>&1; then
    grep -hE -A9 'Tests run:|ParamFuzzTest:|IT: |p99|kills|figures' "target/reliability-$name.log" \
      | grep -vE '^\[|^--$|INFO|WARN' | tail -n 24 || true
    echo "== $name: ok in $((SECONDS - t0)) s"
  else
    grep -hE -A9 'Tests run:|FAIL|ERROR\]  |IT: ' "target/reliability-$name.log" | grep -v INFO | head -n 30 || true
    echo "== $name: FAILED in $((SECONDS - t0)) s (target/reliability-$name.log)"
    failed+=("$name")
  fi
}
# the shared real data: ../shared/data from the repository, or PHAENTHI_DATA
DATA=()
if [[ -n "${PHAENTHI_DATA:-}" ]]; then DATA=(-Dphaenthi.data="$PHAENTHI_DATA"); fi
IT=("${DATA[@]}" -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
  -Dphaenthi.requireIT=true -Dspotless.check.skip=true)

mkdir -p target
$MVN -q -pl server -am install -DskipTests -Dspotless.check.skip=true
for step in "${steps[@]}"; do
  case $step in
    kill) run kill -pl boundaries verify -Dit.test=EmbeddedStoreKillIT "${IT[@]}" ;;
    postgis) run postgis -pl boundaries,server verify -Dit.test='PostgisStoreContractIT,MultiNodeIT' "${IT[@]}" ;;
    faults) run faults -pl server verify -Dit.test=PostgisFaultsIT "${IT[@]}" ;;
    mixed) run mixed -pl server verify -Dit.test=MixedLoadIT -Dphaenthi.it.store="$STORE" \
      -Dphaenthi.mixed.seconds="$MIXED_SECONDS" "${IT[@]}" ;;
    load) run load -pl server verify -Dit.test=ExportLoadIT -Dphaenthi.it.store="$STORE" "${IT[@]}" ;;
    slow) run slow -pl server test -Dspotless.check.skip=true \
      -Dtest='ClientLimitsTest,WriteTimeoutTest,CommittedFailureTest,ExportCancelTest' ;;
    fuzz) run fuzz -pl server test -Dspotless.check.skip=true -Dtest=ParamFuzzTest -Dphaenthi.fuzz.tries="$FUZZ_TRIES" ;;
    csp) run csp -pl server verify -Dit.test=CspIT "${IT[@]}" ;;
    *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
if ((${#failed[@]})); then
  echo "== FAILED: ${failed[*]}"
  exit 1
fi
echo "== all steps passed"
