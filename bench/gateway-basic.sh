#!/usr/bin/env bash
# HTTP Basic vs Bearer at the gateway: exchanges caused by 1,000 Basic calls and the latency Basic
# adds per request. See bench/README.md.
#
#   bench/gateway-basic.sh                       gateway jar + stub auth-service and downstream (builds the jar if missing)
#   bench/gateway-basic.sh --gateway http://localhost:8080   against a running stack (./run.sh)
#   bench/gateway-basic.sh --help                all options
set -euo pipefail
cd "$(dirname "$0")/.."

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
version="$("$java_bin" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')"
if [ "${version:-0}" -lt 21 ] 2>/dev/null; then
  echo "gateway-basic.sh: needs JDK 21+ (set JAVA_HOME)" >&2
  exit 1
fi

stack=false
for arg in "$@"; do
  [ "$arg" = "--gateway" ] && stack=true
done
if ! $stack && [ ! -f gateway/target/gateway.jar ]; then
  echo "== building gateway/target/gateway.jar"
  ./mvnw -q -pl gateway -am package -DskipTests
fi
exec "$java_bin" bench/gateway-basic/GatewayBasicBench.java "$@"
