package dev.kitty.user.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.platform.security.JwtPolicy;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.HitCountingServer;
import dev.kitty.platform.test.JwtForgery;
import dev.kitty.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token rules of every resource server (platform-starter's {@code JwtPolicy}), attacked one at a time over real
 * HTTP against {@code GET /api/users/me}. Each forged token is signed with the key the service trusts unless the
 * attack is about the signature itself, so a 401 proves that exactly the one broken rule was enforced. Each case
 * names the rule: OWASP ASVS 5.0 (V9 self-contained tokens), OWASP API Security Top 10 2023, RFC 8725.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAttackIT {

    private static final String DISPLAY_NAME = "Victim Token-Owner";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    final UUID owner = UUID.randomUUID();
    final String ownerEmail = "owner-" + owner + "@example.com";
    final UUID otherUser = UUID.randomUUID();

    RSAKey trustedPublicKey;
    String trustedJwks;
    final RSAKey attackerKey = JwtForgery.attackerKey();
    HitCountingServer attackerServer;

    @BeforeAll
    void seedTheTokenOwnersProfile() throws Exception {
        trustedJwks = http.send(HttpRequest.newBuilder(tokens.jwkSetUri()).build(), HttpResponse.BodyHandlers.ofString()).body();
        trustedPublicKey = JWKSet.parse(trustedJwks).getKeyByKeyId(tokens.keyId()).toRSAKey();
        attackerServer = HitCountingServer.serving(new JWKSet(attackerKey.toPublicJWK()).toString());

        for (UUID user : List.of(owner, otherUser)) {
            kafka.send(new ProducerRecord<>(IdentityEvents.TOPIC, user.toString(), registered(user).getBytes(StandardCharsets.UTF_8))).join();
        }
        String valid = "Bearer " + tokens.accessToken(owner, ownerEmail, "USER");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> me(Map.of("Authorization", valid)).statusCode() == 200);
    }

    @AfterAll
    void stopTheAttackersServer() {
        if (attackerServer != null) {
            attackerServer.close();
        }
    }

    /** One forged {@code Authorization} header value, with the rule it breaks. */
    record Attack(String rule, String what, Function<TokenAttackIT, String> authorization) {
        @Override
        public String toString() {
            return "[" + rule + "] " + what;
        }
    }

    static Stream<Attack> refusedTokens() {
        return Stream.of(
                // signature (ASVS 9.1.1, RFC 8725 §3.3)
                new Attack("ASVS 9.1.1, RFC 8725 §3.3, API2:2023", "signature with one character changed",
                        t -> bearer(JwtForgery.withFlippedSignatureChar(t.valid()))),
                new Attack("ASVS 9.1.1, RFC 8725 §3.3, API2:2023", "payload with one character changed, signature kept",
                        t -> bearer(JwtForgery.withFlippedPayloadChar(t.valid()))),
                new Attack("ASVS 9.1.1, RFC 8725 §3.3, API2:2023", "payload swapped for ADMIN roles, signature kept",
                        t -> bearer(JwtForgery.withPayload(t.valid(), t.claims().claim(JwtPolicy.ROLES_CLAIM, List.of("USER", "ADMIN", "SUPER_USER")).build().toString()))),
                // algorithm allow-list (ASVS 9.1.2, RFC 8725 §3.1/§3.2)
                new Attack("ASVS 9.1.2, RFC 8725 §3.1", "alg none, empty signature",
                        t -> bearer(JwtForgery.unsigned("none", t.claims().build()))),
                new Attack("ASVS 9.1.2, RFC 8725 §3.1", "alg None, empty signature",
                        t -> bearer(JwtForgery.unsigned("None", t.claims().build()))),
                new Attack("ASVS 9.1.2, RFC 8725 §3.1", "alg NONE, empty signature",
                        t -> bearer(JwtForgery.unsigned("NONE", t.claims().build()))),
                new Attack("ASVS 9.1.2, RFC 8725 §3.1", "alg nOnE, empty signature",
                        t -> bearer(JwtForgery.unsigned("nOnE", t.claims().build()))),
                new Attack("ASVS 9.1.2, RFC 8725 §3.1", "alg none with the genuine signature still attached",
                        t -> bearer(JwtForgery.unsigned("none", t.claims().build()) + t.valid().split("\\.")[2])),
                new Attack("ASVS 9.1.2, RFC 8725 §2.1/§3.1", "HS256 keyed with the public JWK JSON",
                        t -> bearer(JwtForgery.hs256(t.trustedPublicKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8), t.tokens.keyId(), t.claims().build()))),
                new Attack("ASVS 9.1.2, RFC 8725 §2.1/§3.1", "HS256 keyed with the JWKS document as served",
                        t -> bearer(JwtForgery.hs256(t.trustedJwks.getBytes(StandardCharsets.UTF_8), t.tokens.keyId(), t.claims().build()))),
                new Attack("ASVS 9.1.2, RFC 8725 §2.1/§3.1", "HS256 keyed with the public key's DER bytes",
                        t -> bearer(JwtForgery.hs256(t.publicKeyDer(), t.tokens.keyId(), t.claims().build()))),
                new Attack("ASVS 9.1.2, RFC 8725 §2.1/§3.1", "HS256 keyed with the public key's PEM text",
                        t -> bearer(JwtForgery.hs256(t.publicKeyPem().getBytes(StandardCharsets.US_ASCII), t.tokens.keyId(), t.claims().build()))),
                new Attack("ASVS 9.1.2, RFC 8725 §3.1", "PS256 with the trusted key (not on the allow-list)",
                        t -> bearer(t.tokens.sign(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(t.tokens.keyId()).build(), t.claims().build()))),
                // time (ASVS 9.2.1)
                new Attack("ASVS 9.2.1, RFC 7519 §4.1.4", "expired 5 minutes ago (beyond the 60 s skew)",
                        t -> t.signed(t.claims().issueTime(t.ago(20)).notBeforeTime(t.ago(20)).expirationTime(t.ago(5)))),
                new Attack("ASVS 9.2.1, RFC 7519 §4.1.5", "not valid before 5 minutes from now (beyond the 60 s skew)",
                        t -> t.signed(t.claims().notBeforeTime(t.fromNow(5)).expirationTime(t.fromNow(15)))),
                // issuer and audience (ASVS 9.2.3, RFC 8725 §3.8/§3.9)
                new Attack("RFC 8725 §3.8, API2:2023", "foreign iss",
                        t -> t.signed(t.claims().issuer("https://attacker.example"))),
                new Attack("RFC 8725 §3.8, API2:2023", "no iss",
                        t -> t.signed(t.claims().issuer(null))),
                new Attack("ASVS 9.2.3, RFC 8725 §3.9", "aud of another API",
                        t -> t.signed(t.claims().audience(List.of("another-api")))),
                new Attack("ASVS 9.2.3, RFC 8725 §3.9", "no aud",
                        t -> t.signed(t.claims().audience((String) null))),
                // key selection (ASVS 9.1.3, RFC 8725 §3.10)
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "unknown kid",
                        t -> bearer(t.tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("no-such-key-" + UUID.randomUUID()).build(), t.claims().build()))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "kid with path traversal ../../etc/passwd",
                        t -> bearer(t.tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("../../etc/passwd").build(), t.claims().build()))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10, API4:2023", "kid of 10 KB junk",
                        t -> bearer(t.tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(junk(10 * 1024)).build(), t.claims().build()))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "jku pointing at the attacker's JWKS, signed by the attacker",
                        t -> t.attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(t.attackerKey.getKeyID())
                                .jwkURL(t.attackerServer.uri("/jwks.json")))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "jku pointing at the attacker, trusted kid, signed by the attacker",
                        t -> t.attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(t.tokens.keyId())
                                .jwkURL(t.attackerServer.uri("/jwks.json")))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "x5u pointing at the attacker, signed by the attacker",
                        t -> t.attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(t.attackerKey.getKeyID())
                                .x509CertURL(t.attackerServer.uri("/cert.pem")))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "embedded jwk of the attacker's key, signed by it",
                        t -> t.attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(t.attackerKey.getKeyID())
                                .jwk(t.attackerKey.toPublicJWK()))),
                // kind of token and subject (ASVS 9.2.2, RFC 8725 §3.11/§3.12)
                new Attack("ASVS 9.2.2, RFC 8725 §3.12", "token_use refresh (a refresh token as access token)",
                        t -> t.signed(t.claims().claim(JwtPolicy.TOKEN_USE_CLAIM, "refresh"))),
                new Attack("ASVS 9.2.2, RFC 8725 §3.12", "token_use verification (a mail token as access token)",
                        t -> t.signed(t.claims().claim(JwtPolicy.TOKEN_USE_CLAIM, "verification"))),
                new Attack("ASVS 9.2.2, RFC 8725 §3.12", "no token_use",
                        t -> t.signed(t.claims().claim(JwtPolicy.TOKEN_USE_CLAIM, null))),
                new Attack("RFC 8725 §3.8, API2:2023", "no sub",
                        t -> t.signed(t.claims().subject(null))),
                // garbage (API4:2023 / API8:2023: never a 500)
                new Attack("API4:2023, API8:2023", "10 KB of junk as the bearer token",
                        t -> "Bearer " + junk(10 * 1024)),
                new Attack("API8:2023, RFC 7515 §5.2", "a token with 3 dots",
                        t -> bearer(t.valid() + ".AAAA")),
                new Attack("API8:2023, RFC 7515 §5.2", "segments that are not base64url",
                        t -> "Bearer !!!.@@@.###"),
                new Attack("API8:2023, RFC 7515 §5.2", "base64url segments that are not JSON",
                        t -> bearer(JwtForgery.segment("not json") + "." + JwtForgery.segment("nor this") + ".AAAA")),
                new Attack("API8:2023", "an empty bearer token",
                        t -> "Bearer "));
    }

    @ParameterizedTest(name = "{0} → 401 problem")
    @MethodSource("refusedTokens")
    void aForgedOrWrongTokenIsA401ProblemThatRevealsNothing(Attack attack) throws Exception {
        HttpResponse<String> response = me(Map.of("Authorization", attack.authorization().apply(this)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("type").asString()).isEqualTo("https://kitty.dev/problems/unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain(owner.toString(), ownerEmail, DISPLAY_NAME);
        // jku and x5u are never followed: the attacker's server sees no request, not even a refused one
        assertThat(attackerServer.hits()).as("requests to the attacker's URL").isZero();
    }

    /** A request that must succeed, and whose profile must be the token owner's whatever else the client sends. */
    record Accepted(String rule, String what, Map<String, String> extraHeaders) {
        @Override
        public String toString() {
            return "[" + rule + "] " + what;
        }
    }

    Stream<Accepted> acceptedRequests() {
        String other = otherUser.toString();
        return Stream.of(
                new Accepted("control", "a valid access token", Map.of()),
                new Accepted("API1:2023, ASVS 8.2.2", "X-User-Id of another user is ignored", Map.of("X-User-Id", other)),
                new Accepted("API1:2023, ASVS 8.2.2", "X-Forwarded-User of another user is ignored", Map.of("X-Forwarded-User", other)),
                new Accepted("API1:2023, ASVS 8.2.2", "every identity header at once is ignored", Map.of(
                        "X-User-Id", other, "X-Forwarded-User", other, "X-Auth-User", other, "X-Remote-User", other,
                        "X-User-Email", "other-" + other + "@example.com", "X-User-Roles", "SUPER_USER")));
    }

    @ParameterizedTest(name = "{0} → 200, the token owner's profile")
    @MethodSource("acceptedRequests")
    void aValidTokenShowsItsOwnersProfileWhateverHeadersTheClientAdds(Accepted request) throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(request.extraHeaders());
        headers.put("Authorization", bearer(valid()));

        HttpResponse<String> response = me(headers);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.path("id").asString()).isEqualTo(owner.toString());
        assertThat(me.path("email").asString()).isEqualTo(ownerEmail);
    }

    private HttpResponse<String> me(Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users/me"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(request::header);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String valid() {
        return tokens.accessToken(owner, ownerEmail, "USER");
    }

    /** The owner's valid claims, to break one at a time. */
    private JWTClaimsSet.Builder claims() {
        return tokens.validClaims(owner).claim(JwtPolicy.EMAIL_CLAIM, ownerEmail).claim(JwtPolicy.EMAIL_VERIFIED_CLAIM, true)
                .claim(JwtPolicy.ROLES_CLAIM, List.of("USER")).claim(JwtPolicy.AUTHENTICATION_METHODS_CLAIM, List.of("pwd"));
    }

    private String signed(JWTClaimsSet.Builder claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tokens.keyId()).type(JOSEObjectType.JWT).build();
        return bearer(tokens.sign(header, claims.build()));
    }

    private String attackerSigned(JWSHeader.Builder header) {
        return bearer(JwtForgery.signedBy(attackerKey, header.type(JOSEObjectType.JWT).build(), claims().build()));
    }

    private byte[] publicKeyDer() {
        try {
            return trustedPublicKey.toRSAPublicKey().getEncoded();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKeyDer())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private Date ago(int minutes) {
        return Date.from(Instant.now().minus(Duration.ofMinutes(minutes)));
    }

    private Date fromNow(int minutes) {
        return Date.from(Instant.now().plus(Duration.ofMinutes(minutes)));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String junk(int length) {
        StringBuilder junk = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            junk.append((char) ('a' + random.nextInt(26)));
        }
        return junk.toString();
    }

    private String registered(UUID user) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/kitty/auth-service", "type": "%s", "subject": "%s",
                 "time": "%s", "datacontenttype": "application/json",
                 "data": {"userId": "%s", "email": "%s", "displayName": "%s", "registeredAt": "%s"}}"""
                .formatted(UUID.randomUUID(), IdentityEvents.USER_REGISTERED.name(), user, Instant.now(), user,
                        user.equals(owner) ? ownerEmail : "other-" + user + "@example.com", DISPLAY_NAME, Instant.now());
    }
}
