package dev.kitty.user.security;

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
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds tokens no honest issuer would: unsigned, HMAC-signed with public key material, signed by an attacker's
 * own key. Nimbus refuses to produce most of these, so they are assembled by hand from base64url segments.
 */
final class ForgedTokens {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private ForgedTokens() {
    }

    static String segment(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeSegment(String segment) {
        return new String(B64URL_DECODER.decode(segment), StandardCharsets.UTF_8);
    }

    /** {@code alg} spelled as given, an empty signature (RFC 7515's Unsecured JWS). */
    static String unsigned(String alg, JWTClaimsSet claims) {
        return segment("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + segment(claims.toString()) + ".";
    }

    /** HS256 keyed with the bytes of the service's public key: the classic algorithm confusion. */
    static String hs256(byte[] secret, String kid, JWTClaimsSet claims) {
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
    static String withPayload(String token, String payloadJson) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + segment(payloadJson) + "." + parts[2];
    }

    /** One character of the signature changed: the base64 still decodes, the signature no longer verifies. */
    static String withFlippedSignatureChar(String token) {
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(signature);
    }

    /** One character in the middle of the payload changed, keeping the signature. */
    static String withFlippedPayloadChar(String token) {
        String[] parts = token.split("\\.");
        char[] payload = parts[1].toCharArray();
        int middle = payload.length / 2;
        payload[middle] = payload[middle] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new String(payload) + "." + parts[2];
    }

    /** An RSA key the service has never seen, standing for the attacker's. */
    static RSAKey attackerKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("attacker-key").algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signedBy(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
