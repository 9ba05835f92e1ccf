package dev.kitty.gateway;

import static dev.kitty.platform.test.RawHttp.get;
import static dev.kitty.platform.test.RawHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.RawHttp;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's table of refused requests (platform-starter's {@code EdgeErrorsIT}), sent as raw
 * bytes to the real gateway in front of echoing stubs: whatever refuses the request (Reactor
 * Netty's decoder, the firewall, routing, the gateway's own actuator) answers with the same
 * problem+json a service would, and nothing malformed reaches a service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "eureka.client.enabled=false",
})
class GatewayEdgeErrorsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ME = "/api/users/me";

    static StubBackends stubs;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        stubs = new StubBackends(List.of("user-service"));
        registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", () -> stubs.uri("user-service"));
    }

    @AfterAll
    static void stopBackends() {
        stubs.close();
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                // over the limits (32 KB of headers, Reactor Netty's 4 KB request line)
                Arguments.of("headers over the limit", get(ME, "X-Padding: " + "a".repeat(40_000)), 431),
                Arguments.of("request line over the limit", get("/api/users/" + "a".repeat(40_000)), 414),
                // malformed paths and encoded traversal
                Arguments.of("encoded dot segments", get("/api/users/%2e%2e/x"), 400),
                Arguments.of("encoded dots and slash", get("/api/users/..%2f..%2fx"), 400),
                Arguments.of("dot segments above the root", get("/../api/users"), 400),
                Arguments.of("double slash", get("//api/users"), 400),
                Arguments.of("path parameter", get("/api/users;jsessionid=ABC"), 400),
                Arguments.of("encoded NUL", get("/api/users/%00"), 400),
                Arguments.of("backslash", get("/api/users\\x"), 400),
                Arguments.of("encoded backslash", get("/api/users/%5cx"), 400),
                Arguments.of("encoded percent", get("/api/users/%25x"), 400),
                Arguments.of("invalid percent-encoding", get("/api/users/%zz"), 400),
                Arguments.of("space in the path", get("/api/users/a b"), 400),
                // what the firewall refuses
                Arguments.of("control character in a header value", get(ME, "X-Note: a\u0001b"), 400),
                Arguments.of("unknown method", request("FOO", ME), 501),
                Arguments.of("TRACE", request("TRACE", ME), 405),
                // malformed framing
                Arguments.of("garbage request line", "GARBAGE\r\n\r\n", 400),
                Arguments.of("unsupported HTTP version", "GET " + ME + " HTTP/9.9\r\nHost: localhost\r\n\r\n", 505),
                Arguments.of("header line without colon", get(ME, "Not a header line"), 400),
                Arguments.of("space before the colon", get(ME, "X-Note : a"), 400),
                Arguments.of("two Host headers", get(ME, "Host: elsewhere.example"), 400),
                Arguments.of("no Host header", "GET " + ME + " HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
                Arguments.of("conflicting Content-Length", request("POST", ME,
                        "Content-Type: application/json", "Content-Length: 2", "Content-Length: 3") + "{}", 400),
                // RFC 9112 section 6.3 allows both: Reactor Netty answers 400 (length unknowable), Tomcat 501 (coding not implemented)
                Arguments.of("unknown Transfer-Encoding", request("POST", ME,
                        "Content-Type: application/json", "Transfer-Encoding: gzip") + "{}", 400),
                // Accept headers the gateway's own endpoints cannot serve (services answer for the API)
                Arguments.of("Accept YAML", get("/actuator/health", "Accept: application/yaml"), 406),
                Arguments.of("Accept XML", get("/actuator/health", "Accept: application/xml"), 406),
                Arguments.of("Accept HTML", get("/actuator/health", "Accept: text/html"), 406),
                Arguments.of("unparseable Accept", get("/actuator/health", "Accept: application/"), 406),
                // unknown paths, the error page, browsers
                Arguments.of("unknown path from a browser", get("/nowhere", "Accept: text/html"), 404),
                Arguments.of("the error page called directly", get("/error", "Accept: text/html"), 404),
                // the gateway's own operations endpoints
                Arguments.of("health with encoded dots", get("/actuator/health/%2e%2e"), 400),
                Arguments.of("health with a path parameter", get("/actuator/health/;x"), 400),
                Arguments.of("health with an encoded slash", get("/actuator/health/..%2f"), 400),
                Arguments.of("health with a blank group", get("/actuator/health/%20"), 404),
                Arguments.of("health with an unknown group", get("/actuator/health/nope"), 404));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("refusedRequests")
    void answersWithAProblem(String name, String rawRequest, int status) {
        var response = RawHttp.send(port, rawRequest);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).startsWith("https://kitty.dev/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
