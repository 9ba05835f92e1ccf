package dev.kitty.platform.web;

import static dev.kitty.platform.test.RawHttp.get;
import static dev.kitty.platform.test.RawHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.RawHttp;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client that sends garbage gets back from a real Tomcat with the platform in front of a
 * service: a problem+json body with the right status, whichever layer refused the request
 * (Tomcat's parser, Spring Security's firewall, Spring MVC or the error page). Raw bytes over a
 * socket, because HTTP clients refuse to send most of these.
 */
@SpringBootTest(classes = ProbeService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ProbeService.PROPERTIES, ProbeService.PUBLIC_API})
@EmbeddedInfrastructure
class EdgeErrorsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String THING = "/api/things/0b5e3c2a-41d7-4a57-9d1e-5c7f1b0c9a11";

    @LocalServerPort
    int port;

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                // over the limits (the platform allows 32 KB of request line and headers)
                Arguments.of("headers over the limit", get(THING, "X-Padding: " + "a".repeat(40_000)), 431),
                Arguments.of("request line over the limit", get("/api/things/" + "a".repeat(40_000)), 414),
                // malformed paths and encoded traversal
                Arguments.of("encoded dot segments", get("/api/things/%2e%2e/x"), 400),
                Arguments.of("encoded dots and slash", get("/api/things/..%2f..%2fx"), 400),
                Arguments.of("dot segments above the root", get("/../api/things"), 400),
                Arguments.of("double slash", get("//api/things"), 400),
                Arguments.of("path parameter", get("/api/things;jsessionid=ABC"), 400),
                Arguments.of("encoded NUL", get("/api/things/%00"), 400),
                Arguments.of("backslash", get("/api/things\\x"), 400),
                Arguments.of("encoded backslash", get("/api/things/%5cx"), 400),
                Arguments.of("encoded percent", get("/api/things/%25x"), 400),
                Arguments.of("invalid percent-encoding", get("/api/things/%zz"), 400),
                Arguments.of("space in the path", get("/api/things/a b"), 400),
                // the firewall
                Arguments.of("control character in a header value", get(THING, "X-Note: a\u0001b"), 400),
                Arguments.of("unknown method", request("FOO", THING), 501),
                Arguments.of("TRACE", request("TRACE", THING), 405),
                // malformed framing
                Arguments.of("garbage request line", "GARBAGE\r\n\r\n", 400),
                Arguments.of("unsupported HTTP version", "GET " + THING + " HTTP/9.9\r\nHost: localhost\r\n\r\n", 505),
                Arguments.of("header line without colon", get(THING, "Not a header line"), 400),
                Arguments.of("space before the colon", get(THING, "X-Note : a"), 400),
                Arguments.of("two Host headers", get(THING, "Host: elsewhere.example"), 400),
                Arguments.of("no Host header", "GET " + THING + " HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
                Arguments.of("conflicting Content-Length", request("POST", "/api/things",
                        "Content-Type: application/json", "Content-Length: 2", "Content-Length: 3") + "{}", 400),
                Arguments.of("unknown Transfer-Encoding", request("POST", "/api/things",
                        "Content-Type: application/json", "Transfer-Encoding: gzip") + "{}", 501),
                // Accept headers the API cannot serve
                Arguments.of("Accept YAML", get(THING, "Accept: application/yaml"), 406),
                Arguments.of("Accept XML", get(THING, "Accept: application/xml"), 406),
                Arguments.of("Accept HTML", get(THING, "Accept: text/html"), 406),
                Arguments.of("unparseable Accept", get(THING, "Accept: application/"), 406),
                Arguments.of("unparseable Content-Type", request("POST", "/api/things", "Content-Type: json/", "Content-Length: 2")
                        + "{}", 415),
                // the error page itself, and browsers
                Arguments.of("unknown path from a browser", get("/api/things/nowhere/else", "Accept: text/html"), 404),
                Arguments.of("the error page called directly", get("/error", "Accept: text/html"), 404),
                // operations endpoints
                Arguments.of("health with encoded dots", get("/actuator/health/%2e%2e"), 400),
                Arguments.of("health with a path parameter", get("/actuator/health/;x"), 400),
                Arguments.of("health with an encoded slash", get("/actuator/health/..%2f"), 400),
                Arguments.of("health with a blank group", get("/actuator/health/%20"), 404));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("refusedRequests")
    void answersWithAProblem(String name, String rawRequest, int status) {
        var response = RawHttp.send(port, rawRequest);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).startsWith(ApiProblem.TYPE_BASE);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
