package dev.kitty.gateway.basic;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.kitty.identity.events.CredentialsRevoked;
import dev.kitty.platform.revocation.RevokedCredentials;
import dev.kitty.platform.test.MutableClock;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real gateway on a random port, a stub auth-service that issues fake tokens and counts
 * exchanges, and a stub user-service that echoes what it received; both real HTTP servers found
 * through the simple discovery client. Every test uses its own email, so the shared cache never
 * couples tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "eureka.client.enabled=false",
        // short-lived test tokens (2 s) stay cached for 1 s
        "kitty.gateway.basic.safety-margin=1s",
        "kitty.gateway.basic.exchange-timeout=1s",
        "kitty.gateway.basic.exchange-client-secret=" + StubAuthService.CLIENT_SECRET,
        // no broker here: revocations are handed to the gateway as the feed would, as application events
        "kitty.security.revocation.enabled=false",
})
class BasicAuthIT {

    static final String SECRET = "correct horse battery staple";
    static final String CHALLENGE = "Basic realm=\"kitty\"";

    static StubAuthService auth;
    static EchoService users;

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        auth = new StubAuthService();
        users = new EchoService();
        registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri", auth::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", users::uri);
    }

    @AfterAll
    static void stopBackends() {
        auth.close();
        users.close();
    }

    @Test
    void relaysBasicCredentialsAsTheExchangedBearerTokenAndNeverTheBasicHeader() throws Exception {
        var email = email("ann");

        var response = get("/api/users/me", basic(email, SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        var authorization = echoed(response).getProperty("header.authorization");
        assertThat(authorization).matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+").doesNotContainIgnoringCase("basic");
        assertThat(response.body()).doesNotContain(basic(email, SECRET).substring(6));
        assertThat(auth.exchangesFor(email)).isEqualTo(1);
        assertThat(auth.lastSecretFor(email)).isEqualTo(SECRET);
    }

    @Test
    void tellsAuthServiceTheCallersAddressSoItsThrottlePerAddressStillWorks() throws Exception {
        var email = email("address");

        get("/api/users/me", basic(email, SECRET));

        assertThat(auth.lastForwardedForFor(email)).isEqualTo("127.0.0.1");
    }

    @Test
    void acceptsTheSchemeNameInAnyCaseAndSecretsContainingColons() throws Exception {
        var email = email("case");
        var secret = "kitty_pat_abc:def:ghi";
        var encoded = Base64.getEncoder().encodeToString((email + ":" + secret).getBytes(StandardCharsets.UTF_8));

        var response = get("/api/users/me", "bAsIc " + encoded);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(echoed(response).getProperty("header.authorization")).startsWith("Bearer ");
        assertThat(auth.lastSecretFor(email)).isEqualTo(secret);
    }

    @Test
    void thousandSequentialCallsWithTheSameCredentialsCostOneExchange() throws Exception {
        var email = email("thousand");
        var tokens = new HashSet<String>();

        for (int i = 0; i < 1000; i++) {
            var response = get("/api/users/me", basic(email, SECRET));
            assertThat(response.statusCode()).isEqualTo(200);
            tokens.add(echoed(response).getProperty("header.authorization"));
        }

        assertThat(auth.exchangesFor(email)).isEqualTo(1);
        assertThat(tokens).hasSize(1);
    }

    @Test
    void fiftyConcurrentFirstCallsShareOneExchange() {
        // the stub takes 300 ms for "slow" emails: every request arrives while the exchange is under way
        var email = email("slow");
        var header = basic(email, SECRET);

        var responses = IntStream.range(0, 50)
                .mapToObj(i -> http.sendAsync(request("/api/users/me").header("Authorization", header).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.join().statusCode()).isEqualTo(200);
            assertThat(echoed(response.join()).getProperty("header.authorization")).startsWith("Bearer ");
        });
        assertThat(auth.exchangesFor(email)).isEqualTo(1);
    }

    @Test
    void differentCredentialsGetTheirOwnCacheEntries() throws Exception {
        var ann = email("ann");
        var bob = email("bob");

        var annToken = bearerSeenFor(ann, SECRET);
        var annOtherSecretToken = bearerSeenFor(ann, "another secret entirely");
        var bobSameSecretToken = bearerSeenFor(bob, SECRET);

        assertThat(auth.exchangesFor(ann)).isEqualTo(2);
        assertThat(auth.exchangesFor(bob)).isEqualTo(1);
        assertThat(new HashSet<>(List.of(annToken, annOtherSecretToken, bobSameSecretToken))).hasSize(3);
        assertThat(bearerSeenFor(ann, SECRET)).isEqualTo(annToken);
        assertThat(bearerSeenFor(bob, SECRET)).isEqualTo(bobSameSecretToken);
        assertThat(auth.exchangesFor(ann) + auth.exchangesFor(bob)).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} → 401 {1}")
    @CsvSource(delimiter = '|', textBlock = """
            refused | invalid-credentials
            mfa     | mfa-required
            """)
    void relaysARefusedExchangeAsItsProblemWithABasicChallengeAndCachesNothing(String kind, String slug)
            throws Exception {
        var email = email(kind);

        var first = get("/api/users/me", basic(email, SECRET));
        var second = get("/api/users/me", basic(email, SECRET));

        for (var response : List.of(first, second)) {
            assertProblem(response, 401);
            var problem = json.readTree(response.body());
            assertThat(problem.get("type").asString()).endsWith("/" + slug);
            assertThat(problem.get("detail").asString()).isEqualTo("from the stub auth-service");
            assertThat(problem.get("instance").asString()).isEqualTo("/api/users/me");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith(CHALLENGE));
        }
        assertThat(auth.exchangesFor(email)).isEqualTo(2);
    }

    @Test
    void relaysThrottlingWithRetryAfterAndCachesNothing() throws Exception {
        var email = email("throttled");

        var first = get("/api/users/me", basic(email, SECRET));
        var second = get("/api/users/me", basic(email, SECRET));

        for (var response : List.of(first, second)) {
            assertProblem(response, 429);
            assertThat(json.readTree(response.body()).get("type").asString()).endsWith("/too-many-requests");
            assertThat(response.headers().firstValue("Retry-After")).contains(StubAuthService.RETRY_AFTER);
        }
        assertThat(auth.exchangesFor(email)).isEqualTo(2);
    }

    @Test
    void answersServiceUnavailableWhenTheExchangeFailsAndCachesNothing() throws Exception {
        var email = email("broken");

        var first = get("/api/users/me", basic(email, SECRET));
        var second = get("/api/users/me", basic(email, SECRET));

        assertProblem(first, 503);
        assertProblem(second, 503);
        assertThat(first.headers().firstValue("Retry-After")).isPresent();
        assertThat(auth.exchangesFor(email)).isEqualTo(2);
    }

    @Test
    void answersServiceUnavailableWhenAuthServiceDoesNotAnswerInTime() throws Exception {
        var email = email("hanging");
        var started = System.nanoTime();

        var response = get("/api/users/me", basic(email, SECRET));

        assertProblem(response, 503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_900));
    }

    @Test
    void aDownstream401DropsTheCachedTokenSoTheNextCallExchangesAgain() throws Exception {
        var email = email("revoked");
        var before = bearerSeenFor(email, SECRET);

        var refused = get("/api/users/me?status=401", basic(email, SECRET));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(auth.exchangesFor(email)).isEqualTo(1);

        var after = bearerSeenFor(email, SECRET);
        assertThat(auth.exchangesFor(email)).isEqualTo(2);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void exchangesAgainOnceTheCachedTokenIsAboutToExpire() throws Exception {
        // the stub issues 2 s tokens to "short" emails; with a 1 s margin they are cached for 1 s
        var email = email("short");

        bearerSeenFor(email, SECRET);
        CACHE_TIME.advance(Duration.ofMillis(900));
        bearerSeenFor(email, SECRET);
        assertThat(auth.exchangesFor(email)).isEqualTo(1);

        CACHE_TIME.advance(Duration.ofMillis(200));
        bearerSeenFor(email, SECRET);
        assertThat(auth.exchangesFor(email)).isEqualTo(2);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # what is wrong                | Authorization header value
            no credentials                 | Basic
            only spaces                    | 'Basic    '
            not base64                     | Basic !!!not-base64!!!
            base64 with a space inside     | Basic YW5u QGV4YW1wbGUuY29tOnNlY3JldA==
            no colon                       | Basic YW5uQGV4YW1wbGUuY29t
            empty email                    | Basic OnNlY3JldA==
            empty secret                   | Basic YW5uQGV4YW1wbGUuY29tOg==
            only a colon                   | Basic Og==
            invalid UTF-8                  | Basic /w==
            invalid UTF-8 in the secret    | Basic YW5uQGV4YW1wbGUuY29tOsPA/w==
            control character in the email | Basic YW5uAUBleGFtcGxlLmNvbTpzZWNyZXQ=
            """)
    void refusesMalformedBasicCredentialsWithAProblemAndNeverExchanges(String what, String header) throws Exception {
        var exchangesBefore = auth.exchanges();

        var response = get("/api/users/me", header);

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith(CHALLENGE));
        assertThat(auth.exchanges()).isEqualTo(exchangesBefore);
    }

    @Test
    void refusesOversizedBasicCredentials() throws Exception {
        var exchangesBefore = auth.exchanges();
        var huge = "Basic " + Base64.getEncoder().encodeToString(("ann@example.com:" + "x".repeat(4000)).getBytes());

        var response = get("/api/users/me", huge);

        assertProblem(response, 401);
        assertThat(auth.exchanges()).isEqualTo(exchangesBefore);
    }

    @Test
    void refusesBasicCredentialsSentAlongsideAnotherAuthorizationHeader() throws Exception {
        var response = http.send(request("/api/users/me")
                .header("Authorization", "Bearer some.jwt.value")
                .header("Authorization", basic(email("two"), SECRET))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 401);
    }

    @Test
    void stillStripsClientSentIdentityHeadersFromBasicRequests() throws Exception {
        var response = http.send(request("/api/users/me")
                .header("Authorization", basic(email("forger"), SECRET))
                .header("X-User-Id", "0b5e3c2a-41d7-4a57-9d1e-5c7f1b0c9a11")
                .header("X-User-Roles", "SUPER_USER")
                .header("X-Authenticated-User", "admin@example.com")
                .build(), HttpResponse.BodyHandlers.ofString());

        var echoed = echoed(response);
        assertThat(echoed.stringPropertyNames())
                .noneMatch(name -> name.startsWith("header.x-user-"))
                .doesNotContain("header.x-authenticated-user");
        assertThat(echoed.getProperty("header.authorization")).startsWith("Bearer ");
    }

    @Test
    void passesBearerTokensThroughUntouchedWithoutAnExchange() throws Exception {
        var exchangesBefore = auth.exchanges();

        var response = get("/api/users/me", "Bearer some.jwt.value");

        assertThat(echoed(response).getProperty("header.authorization")).isEqualTo("Bearer some.jwt.value");
        assertThat(auth.exchanges()).isEqualTo(exchangesBefore);
    }

    /** A load balancer's probe that happens to carry credentials must not cost an exchange at auth-service. */
    @Test
    void answersHealthProbesWithoutExchangingBasicCredentials() throws Exception {
        var email = email("probe");

        var response = get("/actuator/health/liveness", basic(email, SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(auth.exchangesFor(email)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            /api/auth/login
            /api/auth/register
            /api/auth/exchange
            /.well-known/openid-configuration
            """)
    void removesBasicCredentialsFromPublicAuthEndpointsWithoutExchanging(String path) throws Exception {
        var email = email("public");

        var response = http.send(request(path)
                .header("Authorization", basic(email, SECRET))
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"secret\":\"s\"}"))
                .header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());

        if (path.equals("/api/auth/exchange")) {
            // never routed (issue 6): neither relayed to auth-service nor exchanged by the gateway itself
            assertProblem(response, 404);
            assertThat(auth.exchangesFor(email)).isZero();
        } else {
            assertThat(echoed(response).stringPropertyNames()).doesNotContain("header.authorization");
            assertThat(auth.exchangesFor(email)).isZero();
        }
    }

    @Test
    void exposesCacheAndExchangeCountersToPrometheus() throws Exception {
        bearerSeenFor(email("metrics"), SECRET);

        var metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(metrics)
                .contains("kitty_gateway_basic_exchanges_total{outcome=\"issued\"}")
                .contains("kitty_gateway_basic_lookups_total{result=\"hit\"}")
                .contains("kitty_gateway_basic_lookups_total{result=\"miss\"}")
                .contains("kitty_gateway_basic_invalidations_total")
                .contains("cache_gets_total{cache=\"" + BasicTokenCache.CACHE_NAME + "\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"" + TokenExchange.BREAKER + "\"");
    }

    @TestConfiguration
    static class DenyList {

        @Bean
        RevokedCredentials revokedCredentials() {
            return new RevokedCredentials(Duration.ofMinutes(16), Clock.systemUTC());
        }
    }

    /** The token cache's time, moved by the tests that are about expiry; it stands still for the others. */
    static final MutableClock CACHE_TIME = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @TestConfiguration
    static class CacheTime {

        @Bean
        Ticker cacheTicker() {
            return () -> Duration.between(Instant.EPOCH, CACHE_TIME.instant()).toNanos();
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    RevokedCredentials revoked;

    /** Issue 6: the exchange is auth-service's service to the gateway alone, which proves it with its client credential. */
    @Test
    void presentsTheGatewaysClientCredentialToTheExchange() throws Exception {
        var email = email("client");

        get("/api/users/me", basic(email, SECRET));

        assertThat(auth.lastClientAuthorizationFor(email)).isEqualTo(StubAuthService.CLIENT_AUTHORIZATION);
    }

    /** A refused client credential is a deployment fault: the caller gets 503, never a 401 that blames their password. */
    @Test
    void answersServiceUnavailableWhenAuthServiceRefusesTheGatewaysClientCredential() throws Exception {
        var response = get("/api/users/me", basic(email("badclient"), SECRET));

        assertProblem(response, 503);
    }

    /** Issue 6, hole 2: a revoked PAT or a changed password stops working through the gateway at once, not in 10 minutes. */
    @Test
    void dropsEveryCachedTokenOfAnAccountWhenItsCredentialsAreRevoked() throws Exception {
        var email = email("revoked");
        var bystander = email("bystander");
        var withPassword = bearerSeenFor(email, SECRET);
        var withPat = bearerSeenFor(email, "kitty_pat_abc_def");
        var bystanders = bearerSeenFor(bystander, SECRET);
        assertThat(bearerSeenFor(email, SECRET)).isEqualTo(withPassword);
        assertThat(auth.exchangesFor(email)).isEqualTo(2);

        events.publishEvent(CredentialsRevoked.allTokens(StubAuthService.userIdOf(email), CredentialsRevoked.REASON_PASSWORD_CHANGED,
                Instant.now()));

        assertThat(bearerSeenFor(email, SECRET)).isNotEqualTo(withPassword);
        assertThat(bearerSeenFor(email, "kitty_pat_abc_def")).isNotEqualTo(withPat);
        assertThat(auth.exchangesFor(email)).as("both credentials exchanged anew").isEqualTo(4);
        assertThat(bearerSeenFor(bystander, SECRET)).as("another account's token stays cached").isEqualTo(bystanders);
        assertThat(auth.exchangesFor(bystander)).isEqualTo(1);
    }

    /** Even without the eviction (an exchange under way when the event came), a token a revocation covers is never served. */
    @Test
    void neverServesACachedTokenThatARevocationCovers() throws Exception {
        var email = email("covered");
        var first = bearerSeenFor(email, SECRET);

        revoked.record(CredentialsRevoked.allTokens(StubAuthService.userIdOf(email), CredentialsRevoked.REASON_ACCOUNT_LOCKED,
                Instant.now()));

        assertThat(bearerSeenFor(email, SECRET)).isNotEqualTo(first);
        assertThat(auth.exchangesFor(email)).isEqualTo(2);
    }

    private String bearerSeenFor(String email, String secret) throws IOException, InterruptedException {
        var response = get("/api/users/me", basic(email, secret));
        assertThat(response.statusCode()).isEqualTo(200);
        return echoed(response).getProperty("header.authorization");
    }

    private static String email(String kind) {
        return kind + "-" + UUID.randomUUID() + "@example.com";
    }

    private static String basic(String email, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static Properties echoed(HttpResponse<String> response) {
        return EchoService.parse(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("https://kitty.dev/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return http.send(request(path).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
