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
        var shared = RawHttp.hostileRequests("/api/users", ME, 400).stream()
                .map(hostile -> Arguments.of(hostile.description(), hostile.request(), hostile.status()));
        return Stream.concat(shared, Stream.of(
                // Accept headers the gateway's own endpoints cannot serve (services answer for the API)
                Arguments.of("Accept YAML", get("/actuator/health", "Accept: application/yaml"), 406),
                Arguments.of("Accept XML", get("/actuator/health", "Accept: application/xml"), 406),
                Arguments.of("Accept HTML", get("/actuator/health", "Accept: text/html"), 406),
                Arguments.of("unparseable Accept", get("/actuator/health", "Accept: application/"), 406),
                // unknown paths, the error page, browsers
                Arguments.of("unknown path from a browser", get("/nowhere", "Accept: text/html"), 404),
                Arguments.of("the error page called directly", get("/error", "Accept: text/html"), 404),
                Arguments.of("health with an unknown group", get("/actuator/health/nope"), 404)));
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
