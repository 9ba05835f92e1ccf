#!/usr/bin/env bash
# The month close of 10,000 budgets (each with goals and a month of transactions) on a running stack: how long the
# scheduler takes and how many budgets it closes per second, and the latency of goal and summary reads through the
# gateway while it runs. Needs a running stack (./run.sh in another terminal); seeds its own budgets by SQL in
# kitty_transaction. See bench/README.md.
#
#   bench/close.sh                                   10,000 budgets, 20 transactions and 2 goals each
#   bench/close.sh --budgets 100 --transactions 10   a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the PostgreSQL JDBC driver the services use, from the local Maven repository (./mvnw fetched it with the build)
driver="$(ls "${HOME}"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1 || true)"
if [ -z "$driver" ]; then
  ./mvnw -q dependency:get -Dartifact=org.postgresql:postgresql:42.7.14 >/dev/null
  driver="$(ls "${HOME}"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)"
fi
exec "$java_bin" -cp "$driver" bench/close/CloseBench.java "$@"
