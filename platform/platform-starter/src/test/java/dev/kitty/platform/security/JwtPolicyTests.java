package dev.kitty.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.kitty.identity.events.CredentialsRevoked;
import dev.kitty.platform.revocation.RevokedCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The token rules every service applies (RFC 8725 and OWASP ASVS 5.0 V9), checked without any server. */
class JwtPolicyTests {

    static final SecurityProperties PROPERTIES = new SecurityProperties("https://kitty.example", "kitty-api",
            URI.create("http://unused/jwks"), List.of());

    static RSAKey key;
    static NimbusJwtDecoder decoder;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        decoder = JwtPolicy.apply(NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).signatureAlgorithm(
                org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256).build(), PROPERTIES, null);
    }

    static JWTClaimsSet.Builder valid() {
        var now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("https://kitty.example").subject(UUID.randomUUID().toString())
                .audience("kitty-api").issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).jwtID(UUID.randomUUID().toString())
                .claim(JwtPolicy.TOKEN_USE_CLAIM, "access").claim(JwtPolicy.ROLES_CLAIM, List.of("USER"));
    }

    static String rs256(JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void acceptsAWellFormedAccessToken() throws Exception {
        var jwt = decoder.decode(rs256(valid().build()));
        assertThat(jwt.getClaimAsStringList(JwtPolicy.ROLES_CLAIM)).containsExactly("USER");
    }

    static Stream<Arguments> refusedClaims() {
        var now = Instant.now();
        return Stream.of(
                Arguments.of("RFC 8725 3.8: wrong issuer", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.issuer("https://evil.example")),
                Arguments.of("RFC 8725 3.9: wrong audience", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.audience("other-api")),
                Arguments.of("RFC 8725 3.9: no audience", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.audience((String) null)),
                Arguments.of("ASVS 9.2.1: expired", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.expirationTime(Date.from(now.minusSeconds(120)))),
                Arguments.of("ASVS 9.2.1: not yet valid", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.notBeforeTime(Date.from(now.plusSeconds(600)))),
                Arguments.of("RFC 8725 3.11: refresh token used as access token", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim(JwtPolicy.TOKEN_USE_CLAIM, "refresh")),
                Arguments.of("RFC 8725 3.11: token of no declared use", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim(JwtPolicy.TOKEN_USE_CLAIM, null)),
                Arguments.of("no subject", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.subject(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedClaims")
    void refusesTokensWhoseClaimsBreakThePolicy(String rule, UnaryOperator<JWTClaimsSet.Builder> tamper) throws Exception {
        var token = rs256(tamper.apply(valid()).build());
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
    }

    @Test
    void refusesUnsignedTokens() {
        // RFC 8725 3.1: alg "none" is never accepted, whatever its casing
        for (var none : List.of("none", "None", "NONE", "nOnE")) {
            var header = Base64URL.encode("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}");
            var payload = new PlainJWT(valid().build()).serialize().split("\\.")[1];
            var token = header + "." + payload + ".";
            assertThatExceptionOfType(JwtException.class).as(none).isThrownBy(() -> decoder.decode(token));
        }
    }

    @Test
    void refusesHmacSignedWithThePublicKey() throws Exception {
        // RFC 8725 2.1 / 3.1: algorithm confusion — the verifier only knows RS256
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), valid().build());
        var secret = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        jwt.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(secret.length, 32))));
        var token = jwt.serialize();
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
    }

    @Test
    void refusesATamperedSignature() throws Exception {
        var parts = rs256(valid().build()).split("\\.");
        var forgedClaims = Base64URL.encode(valid().claim(JwtPolicy.ROLES_CLAIM, List.of("SUPER_USER")).build().toString());
        var token = parts[0] + "." + forgedClaims + "." + parts[2];
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        var other = new RSAKeyGenerator(2048).keyID("k1").generate();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), valid().build());
        jwt.sign(new RSASSASigner(other));
        var token = jwt.serialize();
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
    }

    @Test
    void refusesTokensOfAnAccountRevokedAfterTheyWereIssuedAndAcceptsLaterOnes() throws Exception {
        var revoked = new RevokedCredentials(java.time.Duration.ofMinutes(16), java.time.Clock.systemUTC());
        var guarded = JwtPolicy.apply(NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).signatureAlgorithm(
                org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256).build(), PROPERTIES, revoked);
        var account = UUID.randomUUID();
        var issued = Instant.now().minusSeconds(30);
        var before = rs256(valid().subject(account.toString()).issueTime(Date.from(issued)).build());
        var otherAccount = rs256(valid().issueTime(Date.from(issued)).build());
        assertThat(guarded.decode(before).getSubject()).isEqualTo(account.toString());

        revoked.record(CredentialsRevoked.allTokens(account, CredentialsRevoked.REASON_ACCOUNT_LOCKED, issued.plusSeconds(10)));

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> guarded.decode(before));
        assertThat(guarded.decode(otherAccount)).isNotNull();
        var after = rs256(valid().subject(account.toString()).issueTime(Date.from(issued.plusSeconds(11))).build());
        assertThat(guarded.decode(after).getSubject()).isEqualTo(account.toString());
    }

    @Test
    void refusesATokenWithoutIssueTimeWhichCouldNeverBePlacedBeforeARevocation() throws Exception {
        var guarded = JwtPolicy.apply(NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).signatureAlgorithm(
                org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256).build(), PROPERTIES,
                new RevokedCredentials(java.time.Duration.ofMinutes(16), java.time.Clock.systemUTC()));
        var token = rs256(valid().issueTime(null).build());
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> guarded.decode(token));
    }
}
