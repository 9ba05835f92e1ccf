package dev.kitty.auth.session;

import dev.kitty.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class SessionController {

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    private final Login login;
    private final Sessions sessions;

    SessionController(Login login, Sessions sessions) {
        this.login = login;
        this.sessions = sessions;
    }

    /** The client address is the TCP peer, or the gateway's X-Forwarded-For (server.forward-headers-strategy). */
    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return tokens(login.login(new Login.Attempt(request.email(), request.password(), request.otp(), request.recoveryCode(),
                http.getRemoteAddr())));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return switch (sessions.refresh(request.refreshToken())) {
            case RefreshOutcome.Refreshed refreshed -> tokens(refreshed.tokens());
            case RefreshOutcome.Refused refused -> {
                log.info("Refresh refused: {}", refused.reason());
                throw ApiProblem.unauthorized("invalid-refresh-token",
                        "The refresh token is invalid, expired or revoked. Log in again.");
            }
        };
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody LogoutRequest request) {
        sessions.end(request.refreshToken());
    }

    /** Token responses must not be cached anywhere on the way (RFC 6749 §5.1). */
    private static ResponseEntity<TokenResponse> tokens(IssuedTokens issued) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(TokenResponse.from(issued));
    }
}
