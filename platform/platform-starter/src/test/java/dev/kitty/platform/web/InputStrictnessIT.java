package dev.kitty.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform reads JSON strictly and nothing but JSON, over HTTP against a real server: what
 * Jackson and Spring would quietly coerce or accept by default is a 400 or 415 problem here.
 */
@SpringBootTest(classes = ProbeService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ProbeService.PROPERTIES, ProbeService.PUBLIC_API})
@EmbeddedInfrastructure
class InputStrictnessIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String VALID = "\"name\":\"box\",\"quantity\":2,\"urgent\":false";

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    static Stream<Arguments> wronglyTypedBodies() {
        return Stream.of(
                Arguments.of("string for an int", "{\"name\":\"box\",\"quantity\":\"2\",\"urgent\":false}", "quantity"),
                Arguments.of("fraction for an int", "{\"name\":\"box\",\"quantity\":2.5,\"urgent\":false}", "quantity"),
                Arguments.of("whole fraction for an int", "{\"name\":\"box\",\"quantity\":2.0,\"urgent\":false}", "quantity"),
                Arguments.of("boolean for an int", "{\"name\":\"box\",\"quantity\":true,\"urgent\":false}", "quantity"),
                Arguments.of("string for a boolean", "{\"name\":\"box\",\"quantity\":2,\"urgent\":\"false\"}", "urgent"),
                Arguments.of("number for a boolean", "{\"name\":\"box\",\"quantity\":2,\"urgent\":0}", "urgent"),
                Arguments.of("string for a number", "{" + VALID + ",\"weight\":\"1.5\"}", "weight"),
                Arguments.of("number for a string", "{\"name\":42,\"quantity\":2,\"urgent\":false}", "name"),
                Arguments.of("fraction for a string", "{" + VALID + ",\"note\":4.2}", "note"),
                Arguments.of("boolean for a string", "{" + VALID + ",\"note\":true}", "note"),
                Arguments.of("number in a list of strings", "{" + VALID + ",\"tags\":[\"a\",7]}", "tags[1]"),
                Arguments.of("number for an enum", "{" + VALID + ",\"kind\":1}", "kind"),
                Arguments.of("number for a date", "{" + VALID + ",\"due\":20000}", "due"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wronglyTypedBodies")
    void refusesAScalarOfTheWrongJsonType(String name, String body, String field) throws Exception {
        var response = post("/api/things", "application/json", body);

        var problem = assertProblem(response, 400, "malformed-request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the same key twice             | {"name":"box","quantity":2,"urgent":false,"quantity":3}
            a repeated name               | {"name":"box","name":"crate","quantity":2,"urgent":false}
            """)
    void refusesDuplicateKeys(String name, String body) throws Exception {
        assertProblem(post("/api/things", "application/json", body), 400, "malformed-request");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/yaml                  | 'name: box\nquantity: 2\nurgent: false\n'
            application/x-yaml                | 'name: box\nquantity: 2\nurgent: false\n'
            application/xml                   | <thing><name>box</name><quantity>2</quantity><urgent>false</urgent></thing>
            text/xml                          | <thing><name>box</name><quantity>2</quantity><urgent>false</urgent></thing>
            application/x-www-form-urlencoded | name=box&quantity=2&urgent=false
            text/plain                        | {"name":"box","quantity":2,"urgent":false}
            application/cbor                  | x
            */*                               | {"name":"box","quantity":2,"urgent":false}
            application/*                     | {"name":"box","quantity":2,"urgent":false}
            """)
    void refusesBodiesThatAreNotJson(String contentType, String body) throws Exception {
        assertProblem(post("/api/things", contentType, body.replace("\\n", "\n")), 415, "unsupported-media-type");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(textBlock = """
            application/yaml
            application/x-yaml
            application/xml
            text/xml
            text/html
            application/cbor
            """)
    void answersOnlyInJson(String accept) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(uri("/api/things/0b5e3c2a-41d7-4a57-9d1e-5c7f1b0c9a11"))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 406, "not-acceptable");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text longer than its column  | {"label":"123456789","amount":"1.00"}
            number larger than its column | {"label":"ok","amount":"123456.00"}
            NUL in text                   | {"label":"a\\u0000b","amount":"1.00"}
            """)
    void aValueTheDatabaseCannotStoreIsTheClientsMistake(String name, String body) throws Exception {
        assertProblem(post("/api/things/labels", "application/json", body), 400, "value-out-of-range");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /api/things          | application/json | {"name":"box","quantity":2,"urgent":false,"weight":1.5,"tags":["a"],"kind":"LARGE","due":"2026-01-31"} | 200 | "due":"2026-01-31"
            POST | /api/things/import   | text/csv         | 'a,b\n1,2\n'                                                         | 200 | ["a,b","1,2"]
            POST | /api/things/labels   | application/json | {"label":"12345678","amount":"999.99"}                                | 201 | "label":"12345678"
            GET  | /v3/api-docs         |                  |                                                                      | 200 | "openapi"
            GET  | /v3/api-docs.yaml    |                  |                                                                      | 200 | 'openapi:'
            GET  | /actuator/health     |                  |                                                                      | 200 | "status"
            GET  | /actuator/prometheus |                  |                                                                      | 200 | jvm_memory_used_bytes
            """)
    void stillServesWhatIsWellFormed(String method, String path, String contentType, String body, int status, String expected)
            throws Exception {
        // /v3/api-docs.yaml is not among the public paths
        var request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + tokens.accessToken(UUID.randomUUID(), "probe@kitty.test", "USER"));
        if (contentType != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body.replace("\\n", "\n")));
        }
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(expected);
    }

    @Test
    void aFormBodyWithAParameterNameTheFirewallRefusesIsBadInput() throws Exception {
        // the body is read as form parameters for the @RequestBody, and the firewall checks their names lazily
        assertProblem(post("/api/things", "application/x-www-form-urlencoded", "%07=1"), 400, "bad-request");
    }

    @Test
    void refusesAJsonBodyOverTheLimitBeforeReadingIt() throws Exception {
        var body = "{\"name\":\"" + "a".repeat(1024 * 1024) + "\",\"quantity\":2,\"urgent\":false}";

        assertProblem(post("/api/things", "application/json", body), 413, "content-too-large");
    }

    @Test
    void theOpenApiDocumentDescribesOnlyWhatAClientSends() throws Exception {
        var document = JSON.readTree(HTTP.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body());

        assertThat(document.path("paths").has("/api/things/mine")).isTrue();
        assertThat(document.path("paths").path("/api/things/mine").path("get").path("parameters").isEmpty())
                .as("the caller comes from the token, not from query parameters").isTrue();
        assertThat(document.path("paths").has("/error")).as("the container's error page is no operation").isFalse();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        var problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ApiProblem.TYPE_BASE + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
