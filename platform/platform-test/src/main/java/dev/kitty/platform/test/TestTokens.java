package dev.kitty.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Issues access tokens the way auth-service does, signed by an RS256 key generated for this JVM
 * whose public half is served as a JWKS at {@link #jwkSetUri()} (the context's
 * {@code kitty.security.jwk-set-uri}). Inject it into an {@link EmbeddedInfrastructure} test.
 *
 * <pre>{@code
 * mvc.get().uri("/budgets").header("Authorization", "Bearer " + tokens.accessToken(userId, "ann@kitty.test", "USER"))
 * }</pre>
 */
public final class TestTokens {

    /** The {@code iss} of every token, and the context's {@code kitty.security.issuer}. */
    public static final String ISSUER = "http://kitty.test";
    /** The {@code aud} of every token, and the context's {@code kitty.security.audience}. */
    public static final String AUDIENCE = "kitty-api";
    /** How long {@link #accessToken} and {@link #validClaims} tokens live. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    static final String JWKS_PATH = "/oauth2/jwks";

    private final RSAKey key;
    private final HttpServer jwksServer;

    private TestTokens(RSAKey key, HttpServer jwksServer) {
        this.key = key;
        this.jwksServer = jwksServer;
    }

    static TestTokens start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID("test-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext(JWKS_PATH, exchange -> serve(exchange, jwks));
            server.setExecutor(Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("test-jwks").factory()));
            server.start();
            return new TestTokens(key, server);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the test signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test JWKS endpoint", e);
        }
    }

    private static void serve(HttpExchange exchange, byte[] jwks) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !JWKS_PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
        }
    }

    /**
     * A valid access token: {@code iss}, {@code sub} = userId, {@code aud} = [{@value #AUDIENCE}],
     * {@code exp} = now + 10 min, {@code iat}, {@code nbf}, {@code jti}, {@code token_use} = access,
     * {@code email}, {@code email_verified} = true, {@code roles} = systemRoles (as given, e.g.
     * {@code "USER"}, {@code "ADMIN"}), {@code amr} = ["pwd"]; header {@code kid} = {@link #keyId()}.
     * The claim names are platform-starter's {@code JwtPolicy} constants, spelled out because this
     * module cannot depend on platform-starter.
     */
    public String accessToken(UUID userId, String email, String... systemRoles) {
        JWTClaimsSet claims = validClaims(userId)
                .claim("email", email)
                .claim("email_verified", true)
                .claim("roles", List.of(systemRoles))
                .claim("amr", List.of("pwd"))
                .build();
        return sign(header(), claims);
    }

    /**
     * The claims every service demands, to modify for negative tests: {@code iss}, {@code sub},
     * {@code aud}, {@code exp}, {@code iat}, {@code nbf}, {@code jti} and {@code token_use} = access.
     */
    public JWTClaimsSet.Builder validClaims(UUID userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .audience(List.of(AUDIENCE))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                // platform-starter's JwtPolicy refuses tokens that are not access tokens
                .claim("token_use", "access");
    }

    /**
     * Signs anything with the trusted key, for attack tests: a header without {@code kid}, a
     * foreign {@code kid}, an expired or wrong-audience claim set. The header's algorithm must be
     * an RSA signature algorithm (RS256/384/512, PS256/384/512).
     */
    public String sign(JWSHeader header, JWTClaimsSet claims) {
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Cannot sign with " + header.getAlgorithm(), e);
        }
        return jwt.serialize();
    }

    /** The {@code kid} of the signing key, as published in the JWKS. */
    public String keyId() {
        return key.getKeyID();
    }

    /** Where the JWKS is served: {@code http://127.0.0.1:<port>/oauth2/jwks}. */
    public URI jwkSetUri() {
        return URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + JWKS_PATH);
    }

    private JWSHeader header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId()).type(JOSEObjectType.JWT).build();
    }

    void stop() {
        jwksServer.stop(0);
    }

    @Override
    public String toString() {
        return "TestTokens[" + jwkSetUri() + "]";
    }
}
