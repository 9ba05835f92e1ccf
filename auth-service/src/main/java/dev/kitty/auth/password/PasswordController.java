package dev.kitty.auth.password;

import dev.kitty.auth.account.CredentialsChanged;
import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.security.InteractiveLoginRequired;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth/password")
class PasswordController {

    private final PasswordChange change;
    private final PasswordReset reset;

    PasswordController(PasswordChange change, PasswordReset reset) {
        this.change = change;
        this.reset = reset;
    }

    @PostMapping("/change")
    @InteractiveLoginRequired
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ChangePasswordRequest body, HttpServletRequest request) {
        change.change(CurrentUser.from(token).id(), request.getRemoteAddr(), token.getClaimAsString(CredentialsChanged.SESSION_CLAIM),
                body.currentPassword(), body.newPassword());
    }

    /** 202 with no body, whether or not the address has an account. */
    @PostMapping("/forgot")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void forgot(@Valid @RequestBody ForgotPasswordRequest body, HttpServletRequest request) {
        reset.request(body.email(), request.getRemoteAddr());
    }

    @PostMapping("/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@Valid @RequestBody ResetPasswordRequest body) {
        reset.reset(body.token(), body.newPassword());
    }
}
