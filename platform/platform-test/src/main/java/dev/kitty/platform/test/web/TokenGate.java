package dev.kitty.platform.test.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Checks on the resource server in front of a service's API, for services that have few or no endpoints yet. */
public final class TokenGate {

    private static final String UNKNOWN_PATH = "/api/no-such-endpoint";

    private TokenGate() {
    }

    /**
     * A call without a token is refused before any endpoint is looked up (401 problem with
     * {@code WWW-Authenticate}, not 404), and the same call with a valid token gets past the gate to
     * a 404 problem: the gate is neither open nor shut for everyone.
     */
    public static void refusesCallsWithoutATokenBeforeLookingForAnEndpoint(MockMvcTester mvc, String validAccessToken) {
        var anonymous = mvc.get().uri(UNKNOWN_PATH);
        assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous).headers().containsHeader(HttpHeaders.WWW_AUTHENTICATE);
        assertThat(anonymous).bodyJson().extractingPath("$.type").isEqualTo("https://kitty.dev/problems/unauthorized");

        var withToken = mvc.get().uri(UNKNOWN_PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + validAccessToken);
        assertThat(withToken).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
