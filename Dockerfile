# syntax=docker/dockerfile:1.7
# One image recipe for every Kitty service:
#   docker build --build-arg SERVICE=budget-service -t kitty/budget-service .
# SERVICE is a reactor module: discovery, gateway, auth-service, user-service,
# budget-service, transaction-service or notification-service.

ARG SERVICE

FROM maven:3.9.11-eclipse-temurin-21 AS build
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "Set --build-arg SERVICE=<module>" >&2; exit 1; }
WORKDIR /src
# the whole reactor: Maven refuses to start when a module listed in pom.xml is missing
COPY . .
# -am builds exactly the platform and contracts modules the service depends on; tests run in CI, not here
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl "${SERVICE}" -am -Dmaven.test.skip=true package \
 && cp "${SERVICE}/target/${SERVICE}.jar" /application.jar
WORKDIR /extracted
# layers: libraries change less often than our classes, so rebuilds reuse the big layers
RUN java -Djarmode=tools -jar /application.jar extract --layers --destination /extracted

FROM eclipse-temurin:21-jre-noble
ARG SERVICE
# glibc keeps native memory that was freed after a burst of load resident, so RSS creeps up for hours: at most two
# malloc arenas, and the JVM hands freed memory back once a minute (docs/adr/0025-native-memory-trimming.md)
ENV KITTY_SERVICE=${SERVICE} \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=60000"
RUN groupadd --system --gid 10001 kitty \
 && useradd --system --uid 10001 --gid kitty --home-dir /app --shell /usr/sbin/nologin kitty
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# The JRE image has no curl or wget: bash's /dev/tcp asks the readiness probe instead.
# The port is SERVER_PORT when set, else the service's conventional port: the public port, which
# answers health; the management port (MANAGEMENT_SERVER_PORT) is for the operators' metrics scraper.
COPY --chmod=0755 <<'EOF' /usr/local/bin/healthcheck
#!/bin/bash
case "${KITTY_SERVICE}" in
  discovery) port=8761 ;;
  gateway) port=8080 ;;
  auth-service) port=8081 ;;
  user-service) port=8082 ;;
  budget-service) port=8083 ;;
  transaction-service) port=8084 ;;
  notification-service) port=8085 ;;
  *) port=8080 ;;
esac
port="${SERVER_PORT:-${port}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 5 _ status _ <&3 || exit 1
[ "${status}" = "200" ]
EOF
USER 10001:10001
HEALTHCHECK --interval=10s --timeout=6s --start-period=90s --retries=5 CMD ["/usr/local/bin/healthcheck"]
ENTRYPOINT ["java", "-jar", "application.jar"]
