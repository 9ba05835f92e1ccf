package dev.kitty.auth.deletion;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.security.InteractiveLoginPolicy;
import dev.kitty.platform.security.JwtPolicy;
import dev.kitty.platform.web.ApiProblem;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/internal/account-deletion-approvals}: user-service asks, forwarding the caller's own
 * access token, before it deletes a user (docs/adr/0012). 204 approved; refusals are the problems a login or an
 * admin action would get. Internal: the gateway never routes {@code /api/auth/internal/**} (it answers 404), and
 * the token decides everything, so a direct call can do no more than the same person through user-service.
 *
 * <p>Deleting one's own account is managing credentials: a token exchanged for a personal access token gets
 * 403 {@code interactive-login-required}, as {@code @InteractiveLoginRequired} would answer. It cannot be the
 * annotation, because an administrator deleting someone else may use such a token, as for locking.
 */
@RestController
@RequestMapping("/api/auth/internal/account-deletion-approvals")
class DeletionApprovalController {

    private final DeletionApprovals approvals;

    DeletionApprovalController(DeletionApprovals approvals) {
        this.approvals = approvals;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(@AuthenticationPrincipal Jwt token, @Valid @RequestBody DeletionApprovalRequest request) {
        var caller = CurrentUser.from(token);
        if (caller.id().equals(request.userId()) && !interactive(token)) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, InteractiveLoginPolicy.PROBLEM, "Interactive login required",
                    "Deleting your account needs a session from signing in with your password; a personal access token cannot do it.");
        }
        approvals.approve(caller.id(), request.userId(),
                new DeletionApprovals.Proof(request.password(), request.otp(), request.recoveryCode()));
    }

    private static boolean interactive(Jwt token) {
        List<String> methods = token.getClaimAsStringList(JwtPolicy.AUTHENTICATION_METHODS_CLAIM);
        return methods != null && methods.contains(JwtPolicy.AMR_PASSWORD);
    }
}
