package dev.kitty.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds tokens no honest issuer would, for attack tests of a resource server: unsigned, HMAC-signed
 * with public key material, signed by an attacker's own key, or a genuine token with its payload or
 * signature altered. Nimbus refuses to produce most of these, so they are assembled by hand from
 * base64url segments. The attacker holds genuine tokens and the public JWKS, never the private key.
 */
public final class JwtForgery {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    /** An RSA key no Kitty service has seen, standing for the attacker's; its public half may go in jku/x5u/jwk headers. */
    public static final RSAKey ATTACKER_KEY = attackerKey();

    private JwtForgery() {
    }

    public static String segment(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    public static String decodeSegment(String segment) {
        return new String(B64URL_DECODER.decode(segment), StandardCharsets.UTF_8);
    }

    public static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String kidOf(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code alg} spelled as given, an empty signature (RFC 7515's Unsecured JWS). */
    public static String unsigned(String alg, JWTClaimsSet claims) {
        return segment("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + segment(claims.toString()) + ".";
    }

    /** HS256 keyed with bytes the attacker knows, e.g. the service's public key: the classic algorithm confusion. */
    public static String hs256(byte[] secret, String kid, JWTClaimsSet claims) {
        String signingInput = segment("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "."
                + segment(claims.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload swapped for another one while the original header and signature are kept. */
    public static String withPayload(String token, String payloadJson) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + segment(payloadJson) + "." + parts[2];
    }

    /** One character of the signature changed: the base64 still decodes, the signature no longer verifies. */
    public static String withFlippedSignatureChar(String token) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + parts[1] + "." + flipMiddle(parts[2]);
    }

    /** One character in the middle of the payload changed, keeping the signature. */
    public static String withFlippedPayloadChar(String token) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + flipMiddle(parts[1]) + "." + parts[2];
    }

    /** A fresh RSA key the services have never seen. */
    public static RSAKey attackerKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("attacker-key").algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signedBy(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** {@code length} random lower-case letters, e.g. for an oversized token. */
    public static String junk(int length) {
        StringBuilder junk = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            junk.append((char) ('a' + random.nextInt(26)));
        }
        return junk.toString();
    }

    private static String flipMiddle(String segment) {
        char[] chars = segment.toCharArray();
        int middle = chars.length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new String(chars);
    }
}
