package dev.kitty.gateway.basic;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpHeaders;

/** What a request's {@code Authorization} header says about HTTP Basic (RFC 7617). */
sealed interface AuthorizationHeader {

    /**
     * Longest Basic header value accepted. Real credentials (an email and a password or PAT)
     * are far shorter; anything bigger is refused before decoding so junk costs nothing.
     */
    int MAX_LENGTH = 4096;

    /** No Authorization header, or one with another scheme (Bearer passes through untouched). */
    record NotBasic() implements AuthorizationHeader {}

    /** Claims to be Basic but cannot be credentials; {@code reason} is safe to show (it never echoes input). */
    record MalformedBasic(String reason) implements AuthorizationHeader {}

    /** Well-formed Basic credentials. The secret is a password or a personal access token. */
    record BasicCredentials(String email, String secret) implements AuthorizationHeader {

        /** Never prints the secret: records print every component by default. */
        @Override
        public String toString() {
            return "BasicCredentials[email=" + email + ", secret=(hidden)]";
        }
    }

    static AuthorizationHeader of(HttpHeaders headers) {
        List<String> values = headers.getOrEmpty(HttpHeaders.AUTHORIZATION);
        var basic = values.stream().filter(AuthorizationHeader::isBasic).toList();
        if (basic.isEmpty()) {
            return new NotBasic();
        }
        if (values.size() > 1) {
            // two credentials in one request: which one a service would read is anybody's guess
            return new MalformedBasic("Send exactly one Authorization header.");
        }
        return parse(basic.getFirst());
    }

    private static boolean isBasic(String value) {
        return value.regionMatches(true, 0, "Basic", 0, 5) && (value.length() == 5 || value.charAt(5) == ' ');
    }

    private static AuthorizationHeader parse(String value) {
        if (value.length() > MAX_LENGTH) {
            return new MalformedBasic("The Basic credentials are too long.");
        }
        var encoded = value.substring(5).strip();
        if (encoded.isEmpty()) {
            return new MalformedBasic("The Basic credentials are missing.");
        }
        String decoded;
        try {
            var bytes = Base64.getDecoder().decode(encoded);
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return new MalformedBasic("The Basic credentials are not base64-encoded UTF-8 text.");
        }
        // RFC 7617: the user-id cannot contain a colon, the password can
        var colon = decoded.indexOf(':');
        if (colon < 0) {
            return new MalformedBasic("The Basic credentials must be email:secret.");
        }
        var email = decoded.substring(0, colon);
        var secret = decoded.substring(colon + 1);
        if (email.isBlank() || secret.isEmpty()) {
            return new MalformedBasic("The Basic credentials need both an email and a secret.");
        }
        if (email.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            return new MalformedBasic("The email in the Basic credentials is not valid.");
        }
        return new BasicCredentials(email, secret);
    }
}
