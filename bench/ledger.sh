#!/usr/bin/env bash
# The ledger at a million rows through the gateway: summaries, a chart, transaction pages, POST throughput beside
# PostgreSQL's own insert rate, and the CSV export with the service's peak heap. Needs a running stack
# (./run.sh in another terminal; it seeds its own budget). See bench/README.md.
#
#   bench/ledger.sh                          1,000,000 rows over 10 years against http://localhost:8080
#   bench/ledger.sh --rows 100000 --calls 200 --clients 4 --seconds 20
set -euo pipefail
cd "$(dirname "$0")/.."
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the PostgreSQL JDBC driver the services use, from the local Maven repository (./mvnw fetched it with the build)
driver="$(ls "${HOME}"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1 || true)"
if [ -z "$driver" ]; then
  ./mvnw -q dependency:get -Dartifact=org.postgresql:postgresql:42.7.14 >/dev/null
  driver="$(ls "${HOME}"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)"
fi
exec "$java_bin" -cp "$driver" bench/ledger/LedgerBench.java "$@"
