package dev.kitty.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives a running auth-service over real HTTP, the way clients and the gateway do. */
public final class AuthApi {

    public static final String PASSWORD = "violet-harbour-engine-42";

    private final RestClient http;
    private final JsonMapper json;
    private final String clientAddress;

    /**
     * Each instance (each test) calls from its own client address, sent as the gateway would in
     * {@code X-Forwarded-For}: the per-address login and registration throttles of one test
     * then never see another test's traffic.
     */
    public AuthApi(int port, JsonMapper json) {
        this(port, json, randomClientAddress());
    }

    public AuthApi(int port, JsonMapper json, String clientAddress) {
        this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                // not Apache HttpClient 5 (RestClient's pick when on the class path): it silently retries a 429
                // after its Retry-After, which would hide every throttling answer from the tests
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory())
                .defaultHeader("X-Forwarded-For", clientAddress)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        this.json = json;
        this.clientAddress = clientAddress;
    }

    public String clientAddress() {
        return clientAddress;
    }

    /** An address from 10.0.0.0/8, random enough that tests do not share one. */
    public static String randomClientAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** Any method, an optional JSON body (null for none) and an optional bearer token (null for none). */
    public Response call(org.springframework.http.HttpMethod method, String path, @org.jspecify.annotations.Nullable Map<String, ?> body,
            @org.jspecify.annotations.Nullable String bearer) {
        var request = http.method(method).uri(path);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        var entity = request.retrieve().toEntity(String.class);
        return new Response(entity.getStatusCode().value(), entity.getHeaders(), entity.getBody(), json);
    }

    public Response post(String path, Map<String, ?> body) {
        var entity = http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body))
                .retrieve().toEntity(String.class);
        return new Response(entity.getStatusCode().value(), entity.getHeaders(), entity.getBody(), json);
    }

    /** The gateway's call to the credential exchange, with its client credential. */
    public Response exchange(String email, String secret, String clientSecret) {
        return exchangeAs("Basic " + java.util.Base64.getEncoder().encodeToString(
                ("gateway:" + clientSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8)), Map.of("email", email, "secret", secret));
    }

    /** A call to the credential exchange with any {@code Authorization} header (null for none) and body. */
    public Response exchangeAs(@org.jspecify.annotations.Nullable String authorization, Map<String, ?> body) {
        var request = http.post().uri("/api/auth/exchange").contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        var entity = request.retrieve().toEntity(String.class);
        return new Response(entity.getStatusCode().value(), entity.getHeaders(), entity.getBody(), json);
    }

    public Response get(String path, String... bearer) {
        var request = http.get().uri(path);
        if (bearer.length > 0) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer[0]);
        }
        var entity = request.retrieve().toEntity(String.class);
        return new Response(entity.getStatusCode().value(), entity.getHeaders(), entity.getBody(), json);
    }

    /** Registers a fresh address and returns the new user id. */
    public UUID register(String email) {
        var response = post("/api/auth/register", Map.of("email", email, "password", PASSWORD, "displayName", "Test User"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("userId").asString());
    }

    public Response login(String email, String password) {
        return post("/api/auth/login", Map.of("email", email, "password", password));
    }

    public Response refresh(String refreshToken) {
        return post("/api/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@kitty.test";
    }

    /** Polls until the condition holds: effects of events arrive asynchronously. */
    public static void eventually(Duration timeout, BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(timeout).until(condition::getAsBoolean);
    }

    public record Response(int status, HttpHeaders headers, String body, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        public String field(String name) {
            return json().get(name).asString();
        }
    }
}
