#!/usr/bin/env bash
# Builds Kitty and starts the whole stack locally: embedded PostgreSQL, Kafka and mail, discovery,
# gateway and every service. Needs only a JDK 21+ (JDK 25 enables --aot). Ctrl-C stops everything.
#
#   ./run.sh                 build, then start (data kept in .kitty/)
#   ./run.sh --reset         start from empty databases and topics
#   ./run.sh --offline       build with Maven offline (-o)
#   ./run.sh --no-build      start what was built last
#   ./run.sh --help          the launcher's options (--data-dir, --aot, --ephemeral, --bench, ...)
set -euo pipefail
cd "$(dirname "$0")"

java_feature_version() { # prints the major version of the given java binary, or nothing
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1") ? v[2] : v[1]; exit }'
}

is_jdk_21_plus() {
  [ -x "$1" ] || return 1
  local version
  version="$(java_feature_version "$1")"
  [ -n "$version" ] && [ "$version" -ge 21 ] 2>/dev/null
}

find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && is_jdk_21_plus "$JAVA_HOME/bin/java"; then
    echo "$JAVA_HOME"; return
  fi
  local java_on_path
  java_on_path="$(command -v java || true)"
  if [ -n "$java_on_path" ] && is_jdk_21_plus "$java_on_path"; then
    dirname "$(dirname "$(readlink -f "$java_on_path")")"; return
  fi
  local best="" best_version=0 home version
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    [ -x "$home/bin/javac" ] || continue
    version="$(java_feature_version "$home/bin/java")"
    if [ -n "$version" ] && [ "$version" -ge 21 ] 2>/dev/null && [ "$version" -gt "$best_version" ]; then
      best="$home"; best_version="$version"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

JAVA_HOME="$(find_java_home || true)"
if [ -z "$JAVA_HOME" ]; then
  echo "run.sh: Kitty needs a JDK 21 or newer (25 recommended). Install one and set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME

maven_flags=(-q -DskipTests)
build=true
launcher_args=()
for arg in "$@"; do
  case "$arg" in
    --offline) maven_flags+=(-o) ;;
    --no-build) build=false ;;
    *) launcher_args+=("$arg") ;;
  esac
done

if $build; then
  echo "Building Kitty with $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)..."
  ./mvnw "${maven_flags[@]}" package
fi

java_options=()
if [ "$(java_feature_version "$JAVA_HOME/bin/java")" -ge 24 ]; then
  # the embedded Kafka broker still uses sun.misc.Unsafe; say so once instead of warning on every start
  java_options+=(--sun-misc-unsafe-memory-access=allow)
fi
# ${a[@]+"${a[@]}"}: empty arrays under set -u on the bash 3 of macOS
exec "$JAVA_HOME/bin/java" ${java_options[@]+"${java_options[@]}"} -jar dev-stack/target/dev-stack.jar \
  ${launcher_args[@]+"${launcher_args[@]}"}
