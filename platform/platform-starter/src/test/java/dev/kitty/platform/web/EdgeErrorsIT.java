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
        var shared = RawHttp.hostileRequests("/api/things", THING, 501).stream()
                .map(hostile -> Arguments.of(hostile.description(), hostile.request(), hostile.status()));
        return Stream.concat(shared, Stream.of(
                // Accept headers the API cannot serve
                Arguments.of("Accept YAML", get(THING, "Accept: application/yaml"), 406),
                Arguments.of("Accept XML", get(THING, "Accept: application/xml"), 406),
                Arguments.of("Accept HTML", get(THING, "Accept: text/html"), 406),
                Arguments.of("unparseable Accept", get(THING, "Accept: application/"), 406),
                Arguments.of("unparseable Content-Type", request("POST", "/api/things", "Content-Type: json/", "Content-Length: 2")
                        + "{}", 415),
                // the error page itself, and browsers
                Arguments.of("unknown path from a browser", get("/api/things/nowhere/else", "Accept: text/html"), 404),
                Arguments.of("the error page called directly", get("/error", "Accept: text/html"), 404)));
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
