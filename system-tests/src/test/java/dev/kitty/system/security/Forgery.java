package dev.kitty.system.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.kitty.platform.test.JwtForgery;

/**
 * Forges tokens from a genuine one: the attacker holds a real token and the public JWKS, never the
 * private key. The forging itself is platform-test's {@link JwtForgery}, shared with the services'
 * own attack tests; this class phrases it the way the stack's attack suites use it.
 */
final class Forgery {

    /** The attacker's own RSA key, whose public half it can put in jku/x5u/jwk headers. */
    static final RSAKey ATTACKER_KEY = JwtForgery.ATTACKER_KEY;

    private Forgery() {
    }


    static JWTClaimsSet claimsOf(String genuine) {
        return JwtForgery.claimsOf(genuine);
    }

    static String kidOf(String genuine) {
        return JwtForgery.kidOf(genuine);
    }

    static String unsigned(String alg, String genuine) {
        return JwtForgery.unsigned(alg, claimsOf(genuine));
    }

    static String hs256(byte[] secret, String genuine) {
        return JwtForgery.hs256(secret, kidOf(genuine), claimsOf(genuine));
    }

    static String flippedSignature(String genuine) {
        return JwtForgery.withFlippedSignatureChar(genuine);
    }

    /** The genuine header and signature around a payload the attacker wrote. */
    static String swappedPayload(String genuine, JWTClaimsSet claims) {
        return JwtForgery.withPayload(genuine, claims.toString());
    }

    static String attackerSigned(JWSHeader.Builder header, JWTClaimsSet claims) {
        return JwtForgery.signedBy(ATTACKER_KEY, header.type(JOSEObjectType.JWT).build(), claims);
    }

    static JWSHeader.Builder rs256() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256);
    }

    static String junk(int length) {
        return JwtForgery.junk(length);
    }
}
