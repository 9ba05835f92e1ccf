#!/usr/bin/env bash
# The soak: an hour of steady mixed load through the gateway of a running stack, with RSS and heap per service, p99
# per endpoint, consumer lag per group and errors every minute; verdicts and a PNG plot at the end. Needs a running
# stack on the default ports (./run.sh --full-jit in another terminal; it seeds its own users and budgets).
# See bench/README.md and docs/soak.md.
#
#   bench/soak.sh                                   60 minutes at 20 requests/s
#   bench/soak.sh --minutes 3 --rate 10             a quick look
#   bench/soak.sh --out /tmp/soak --png /tmp/soak/soak.png
set -euo pipefail
cd "$(dirname "$0")/.."
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
m2="${HOME}/.m2/repository"
# the newest local copy of an artifact (./mvnw fetched them with the build: kafka-clients for the services' Kafka,
# JFreeChart for transaction-service's charts); fetched once when missing
m2_jar() { # group-path artifact version-to-fetch
  local found
  found="$(ls "$m2/$1/$2"/*/"$2"-*.jar 2>/dev/null | grep -v -e sources -e javadoc -e tests | sort -V | tail -1 || true)"
  if [ -z "$found" ]; then
    ./mvnw -q dependency:get -Dartifact="$(echo "$1" | tr / .):$2:$3" >/dev/null
    found="$(ls "$m2/$1/$2"/*/"$2"-*.jar | grep -v -e sources -e javadoc -e tests | sort -V | tail -1)"
  fi
  echo "$found"
}
# slf4j-nop: the Kafka admin client logs through SLF4J, and without a provider SLF4J warns that it has none
classpath="$(m2_jar org/apache/kafka kafka-clients 4.1.2):$(m2_jar org/slf4j slf4j-api 2.0.17):$(m2_jar org/slf4j slf4j-nop 2.0.17)"
classpath="$classpath:$(m2_jar org/jfree jfreechart 1.5.6)"
exec "$java_bin" -Djava.awt.headless=true -cp "$classpath" bench/soak/SoakBench.java "$@"
