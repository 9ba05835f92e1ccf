package dev.kitty.system.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
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

/** Forges tokens from a genuine one: the attacker holds a real token and the public JWKS, never the private key. */
final class Forgery {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** The attacker's own RSA key, whose public half it can put in jku/x5u/jwk headers. */
    static final RSAKey ATTACKER_KEY = generate();

    private Forgery() {
    }

    static String segment(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static JWTClaimsSet claimsOf(String genuine) {
        try {
            return SignedJWT.parse(genuine).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String kidOf(String genuine) {
        try {
            return SignedJWT.parse(genuine).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String unsigned(String alg, String genuine) {
        return segment("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + genuine.split("\\.")[1] + ".";
    }

    static String hs256(byte[] secret, String genuine) {
        String signingInput = segment("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kidOf(genuine) + "\"}") + "."
                + genuine.split("\\.")[1];
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String flippedSignature(String genuine) {
        String[] parts = genuine.split("\\.");
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(signature);
    }

    /** The genuine header and signature around a payload the attacker wrote. */
    static String swappedPayload(String genuine, JWTClaimsSet claims) {
        String[] parts = genuine.split("\\.");
        return parts[0] + "." + segment(claims.toString()) + "." + parts[2];
    }

    static String attackerSigned(JWSHeader.Builder header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header.type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(ATTACKER_KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static JWSHeader.Builder rs256() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256);
    }

    static String junk(int length) {
        StringBuilder junk = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            junk.append((char) ('a' + random.nextInt(26)));
        }
        return junk.toString();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("attacker-key").algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
