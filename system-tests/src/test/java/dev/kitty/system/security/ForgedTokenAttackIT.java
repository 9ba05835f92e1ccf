package dev.kitty.system.security;

import dev.kitty.platform.test.HitCountingServer;
import static dev.kitty.system.security.KittyClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.kitty.devstack.RunningStack;
import dev.kitty.system.SharedStack;
import dev.kitty.system.security.KittyClient.Account;
import dev.kitty.system.security.KittyClient.Response;
import dev.kitty.system.security.KittyClient.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forged and misused tokens from an attacker who holds a genuine access token, the published JWKS and a key of
 * its own, but never auth-service's private key. Every one is refused with a 401 problem through the gateway
 * ({@code GET /api/users/me}) and straight at auth-service's port ({@code GET /api/auth/tokens}), which checks
 * tokens itself. Rules: OWASP ASVS 5.0 V9, OWASP API Security Top 10 2023, RFC 8725.
 */
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith({SharedStack.class, SharedStack.LogTailsOnFailure.class})
class ForgedTokenAttackIT {

    static KittyClient kitty;
    static Account victim;
    static Tokens victimTokens;
    static String verificationToken;
    static String jwks;
    static RSAKey publicKey;
    static HitCountingServer attackerServer;

    @BeforeAll
    static void aVictimWithAGenuineToken(RunningStack stack) throws Exception {
        kitty = new KittyClient(stack);
        victim = kitty.register("forged");
        victimTokens = kitty.login(victim);
        kitty.awaitProfile(victimTokens.accessToken());
        verificationToken = kitty.awaitVerificationCode(victim.email());
        jwks = kitty.get(kitty.gateway() + "/oauth2/jwks", Map.of()).body();
        publicKey = JWKSet.parse(jwks).getKeyByKeyId(Forgery.kidOf(victimTokens.accessToken())).toRSAKey();
        attackerServer = HitCountingServer.serving(new JWKSet(Forgery.ATTACKER_KEY.toPublicJWK()).toString());
    }

    @AfterAll
    static void stopTheAttackersServer() {
        if (attackerServer != null) {
            attackerServer.close();
        }
    }

    record Attack(String rule, String what, Function<String, String> authorization) {
        @Override
        public String toString() {
            return "[" + rule + "] " + what;
        }
    }

    /** Where the forged token is sent: a path on the gateway or on auth-service's own port. */
    enum Target {
        GATEWAY_PROFILE, AUTH_SERVICE_DIRECT;

        String url() {
            return this == GATEWAY_PROFILE ? kitty.gateway() + "/api/users/me" : kitty.authService() + "/api/auth/tokens";
        }
    }

    static Stream<Attack> attacks() {
        return Stream.of(
                new Attack("ASVS 9.1.1, RFC 8725 §3.3, API2:2023", "signature with one character changed",
                        genuine -> "Bearer " + Forgery.flippedSignature(genuine)),
                new Attack("ASVS 9.1.1, RFC 8725 §3.3, API5:2023", "payload rewritten to SUPER_USER, genuine signature kept",
                        genuine -> "Bearer " + Forgery.swappedPayload(genuine, new JWTClaimsSet.Builder(Forgery.claimsOf(genuine))
                                .claim("roles", List.of("USER", "ADMIN", "SUPER_USER")).build())),
                new Attack("ASVS 9.1.2, RFC 8725 §3.1", "alg none", genuine -> "Bearer " + Forgery.unsigned("none", genuine)),
                new Attack("ASVS 9.1.2, RFC 8725 §3.1", "alg None", genuine -> "Bearer " + Forgery.unsigned("None", genuine)),
                new Attack("ASVS 9.1.2, RFC 8725 §3.1", "alg NONE", genuine -> "Bearer " + Forgery.unsigned("NONE", genuine)),
                new Attack("ASVS 9.1.2, RFC 8725 §3.1", "alg nOnE", genuine -> "Bearer " + Forgery.unsigned("nOnE", genuine)),
                new Attack("ASVS 9.1.2, RFC 8725 §2.1/§3.1", "HS256 keyed with the JWKS key as JSON",
                        genuine -> "Bearer " + Forgery.hs256(publicKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8), genuine)),
                new Attack("ASVS 9.1.2, RFC 8725 §2.1/§3.1", "HS256 keyed with the JWKS document from /oauth2/jwks",
                        genuine -> "Bearer " + Forgery.hs256(jwks.getBytes(StandardCharsets.UTF_8), genuine)),
                new Attack("ASVS 9.1.2, RFC 8725 §2.1/§3.1", "HS256 keyed with the public key's DER bytes",
                        genuine -> "Bearer " + Forgery.hs256(der(), genuine)),
                new Attack("ASVS 9.1.2, RFC 8725 §2.1/§3.1", "HS256 keyed with the public key's PEM text",
                        genuine -> "Bearer " + Forgery.hs256(pem().getBytes(StandardCharsets.US_ASCII), genuine)),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "unknown kid",
                        genuine -> "Bearer " + Forgery.attackerSigned(Forgery.rs256().keyID("no-such-key-" + UUID.randomUUID()), Forgery.claimsOf(genuine))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "kid ../../etc/passwd",
                        genuine -> "Bearer " + Forgery.attackerSigned(Forgery.rs256().keyID("../../etc/passwd"), Forgery.claimsOf(genuine))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10, API4:2023", "kid of 10 KB junk",
                        genuine -> "Bearer " + Forgery.attackerSigned(Forgery.rs256().keyID(Forgery.junk(10 * 1024)), Forgery.claimsOf(genuine))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "jku at the attacker's JWKS, signed by the attacker",
                        genuine -> "Bearer " + Forgery.attackerSigned(Forgery.rs256().keyID(Forgery.ATTACKER_KEY.getKeyID())
                                .jwkURL(attackerServer.uri("/jwks.json")), Forgery.claimsOf(genuine))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "jku at the attacker with the genuine kid, signed by the attacker",
                        genuine -> "Bearer " + Forgery.attackerSigned(Forgery.rs256().keyID(Forgery.kidOf(genuine))
                                .jwkURL(attackerServer.uri("/jwks.json")), Forgery.claimsOf(genuine))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "x5u at the attacker, signed by the attacker",
                        genuine -> "Bearer " + Forgery.attackerSigned(Forgery.rs256().keyID(Forgery.ATTACKER_KEY.getKeyID())
                                .x509CertURL(attackerServer.uri("/cert.pem")), Forgery.claimsOf(genuine))),
                new Attack("ASVS 9.1.3, RFC 8725 §3.10", "embedded jwk of the attacker's key, signed by it",
                        genuine -> "Bearer " + Forgery.attackerSigned(Forgery.rs256().keyID(Forgery.ATTACKER_KEY.getKeyID())
                                .jwk(Forgery.ATTACKER_KEY.toPublicJWK()), Forgery.claimsOf(genuine))),
                new Attack("ASVS 9.2.2, RFC 8725 §3.12", "the (opaque) refresh token as a bearer token",
                        genuine -> "Bearer " + victimTokens.refreshToken()),
                new Attack("ASVS 9.2.2, RFC 8725 §3.12", "the email verification token as a bearer token",
                        genuine -> "Bearer " + verificationToken),
                new Attack("API4:2023, API8:2023", "10 KB of junk as the bearer token",
                        genuine -> "Bearer " + Forgery.junk(10 * 1024)),
                new Attack("API8:2023, RFC 7515 §5.2", "a token with 3 dots", genuine -> "Bearer " + genuine + ".AAAA"),
                new Attack("API8:2023, RFC 7515 §5.2", "segments that are not base64url", genuine -> "Bearer !!!.@@@.###"));
    }

    static Stream<Arguments> attacksOnEachTarget() {
        return Stream.of(Target.values()).flatMap(target -> attacks().map(attack -> Arguments.of(target, attack)));
    }

    @ParameterizedTest(name = "{0}: {1} → 401 problem")
    @MethodSource("attacksOnEachTarget")
    void aForgedOrMisusedTokenIsA401ProblemThatRevealsNothing(Target target, Attack attack) {
        Response response = kitty.get(target.url(), Map.of("Authorization", attack.authorization().apply(victimTokens.accessToken())));

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(victim.email(), victim.displayName());
        // jku/x5u are never followed: the attacker's server sees no request at all
        assertThat(attackerServer.hits()).as("requests to the attacker's URLs").isZero();
    }

    @ParameterizedTest(name = "control: {0} with the genuine token → 200")
    @MethodSource("targets")
    void theGenuineTokenIsAccepted(Target target) {
        Response response = kitty.get(target.url(), bearer(victimTokens.accessToken()));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    static Stream<Target> targets() {
        return Stream.of(Target.values());
    }

    private static byte[] der() {
        try {
            return publicKey.toRSAPublicKey().getEncoded();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
