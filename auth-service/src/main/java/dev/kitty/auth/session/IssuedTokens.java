package dev.kitty.auth.session;

import java.time.Duration;

/** What a successful login or refresh hands out. The refresh token's plain value exists only here. */
record IssuedTokens(String accessToken, Duration accessTokenTtl, String refreshToken) {

    @Override
    public String toString() {
        return "IssuedTokens[accessTokenTtl=" + accessTokenTtl + "]";
    }
}
