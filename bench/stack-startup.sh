#!/usr/bin/env bash
# Stack start-up benchmark: starts the whole stack on free ports with temporary data (so it never
# disturbs a running dev stack), prints the time until every service is registered in Eureka and ready
# (/actuator/health/readiness) and the resident memory of each service, then stops everything. See bench/README.md.
#
#   bench/stack-startup.sh              default fast-start JVM options
#   bench/stack-startup.sh --aot        with JDK 25 AOT caches (trains them first when missing)
#   bench/stack-startup.sh --runs 3     repeat the measurement
#   bench/stack-startup.sh --build      rebuild before measuring (default: build only when a jar is missing)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1
build=false
launcher_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --build) build=true ;;
    *) launcher_args+=("$1") ;;
  esac
  shift
done

modules=(discovery gateway auth-service user-service budget-service transaction-service notification-service dev-stack)
for module in "${modules[@]}"; do
  [ -f "$module/target/$module.jar" ] || build=true
done
build_flag=--no-build
if $build; then build_flag=""; fi

aot=false
for arg in ${launcher_args[@]+"${launcher_args[@]}"}; do
  [ "$arg" = "--aot" ] && aot=true
done
if $aot; then
  complete=$( (ls .kitty/aot-ephemeral/*.aot.complete 2>/dev/null || true) | wc -l)
  if [ "$complete" -lt 7 ]; then
    echo "== AOT caches missing: training run first (not a measurement)"
    ./run.sh $build_flag --ephemeral --bench ${launcher_args[@]+"${launcher_args[@]}"} >/dev/null
    build_flag=--no-build
  fi
fi

for run in $(seq 1 "$runs"); do
  echo "== run $run of $runs"
  # the services' own output is noise here: keep only the launcher's lines and the report
  ./run.sh $build_flag --ephemeral --bench ${launcher_args[@]+"${launcher_args[@]}"} \
    | grep -E '^(dev-stack +\||Stack start-up|  |Stopping|Building|\[ERROR\])'
  build_flag=--no-build
done
