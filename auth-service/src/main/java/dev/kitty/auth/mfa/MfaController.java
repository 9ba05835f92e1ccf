package dev.kitty.auth.mfa;

import dev.kitty.auth.account.CredentialsChanged;
import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.security.InteractiveLoginRequired;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * TOTP enrolment for the signed-in user, from an interactive login only: a personal access token
 * must never turn on 2FA (locking the owner out) or see recovery codes. Responses carrying secrets
 * are never cached (RFC 9111 no-store).
 */
@RestController
@RequestMapping("/api/auth/mfa/totp")
@InteractiveLoginRequired
class MfaController {

    private final TotpEnrolment enrolment;

    MfaController(TotpEnrolment enrolment) {
        this.enrolment = enrolment;
    }

    @PostMapping
    ResponseEntity<TotpEnrolmentResponse> enrol(@AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        var started = enrolment.start(caller(token, request));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TotpEnrolmentResponse.from(started));
    }

    @PostMapping("/confirm")
    ResponseEntity<RecoveryCodesResponse> confirm(@AuthenticationPrincipal Jwt token, @Valid @RequestBody TotpCodeRequest body,
            HttpServletRequest request) {
        var codes = enrolment.confirm(caller(token, request), body.code());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RecoveryCodesResponse(codes));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@AuthenticationPrincipal Jwt token, @Valid @RequestBody TotpCodeRequest body, HttpServletRequest request) {
        enrolment.disable(caller(token, request), body.code());
    }

    private static TotpEnrolment.Caller caller(Jwt token, HttpServletRequest request) {
        var user = CurrentUser.from(token);
        return new TotpEnrolment.Caller(user.id(), user.email(), request.getRemoteAddr(),
                token.getClaimAsString(CredentialsChanged.SESSION_CLAIM));
    }
}
