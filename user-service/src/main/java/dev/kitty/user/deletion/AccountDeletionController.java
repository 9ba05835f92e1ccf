package dev.kitty.user.deletion;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.security.InteractiveLoginRequired;
import dev.kitty.platform.web.ApiProblem;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deleting a user (ADR 12). auth-service approves first, with the caller's own token; its refusals reach the client
 * with the same status and problem type, and an auth-service that cannot answer is a 503. On approval the user's
 * data goes at once and 202 says the rest follows: every other service drops theirs on {@code UserDeleted}.
 */
@RestController
@RequestMapping("/api/users")
class AccountDeletionController {

    private final UserDeletion deletion;
    private final DeletionApprovalClient approvals;

    AccountDeletionController(UserDeletion deletion, DeletionApprovalClient approvals) {
        this.deletion = deletion;
        this.approvals = approvals;
    }

    /** One's own account: the password (and second factor) again, from an interactive login only. */
    @DeleteMapping("/me")
    @InteractiveLoginRequired
    @ResponseStatus(HttpStatus.ACCEPTED)
    void deleteOwn(CurrentUser user, @AuthenticationPrincipal Jwt token, @Valid @RequestBody DeleteAccountRequest request) {
        deletion.requireNotDeleted(user.id());
        approve(approvals.ask(token.getTokenValue(), user.id(), request.password(), request.otp(), request.recoveryCode()));
        deletion.delete(user.id());
    }

    /** Someone else's: ADMIN+ by the token here, and by the stored roles at auth-service (only a SUPER_USER deletes an ADMIN+). */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPER_USER')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(CurrentUser user, @AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        deletion.requireSomeoneElse(user.id(), id);
        deletion.requireNotDeleted(id);
        approve(approvals.ask(token.getTokenValue(), id, null, null, null));
        deletion.delete(id);
    }

    private static void approve(Approval approval) {
        switch (approval) {
            case Approval.Approved approved -> { }
            case Approval.Refused refused -> throw refusal(refused);
            case Approval.Unavailable unavailable -> throw ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "deletion-approval-unavailable",
                    "Service unavailable", "The account cannot be deleted right now. Try again in a minute.");
        }
    }

    /** auth-service's refusal as the client's answer: same status, same problem type, same Retry-After. */
    private static ApiProblem refusal(Approval.Refused refused) {
        return switch (refused.status()) {
            case 429 -> ApiProblem.tooManyRequests(refused.detail(), orDefault(refused.retryAfter()));
            case 401 -> ApiProblem.unauthorized(refused.slug(), refused.detail());
            case 403 -> refused.slug().equals("forbidden") ? ApiProblem.forbidden(refused.detail())
                    : ApiProblem.of(HttpStatus.FORBIDDEN, refused.slug(), "Forbidden", refused.detail());
            case 404 -> ApiProblem.notFound(refused.detail());
            default -> ApiProblem.conflict(refused.slug(), refused.detail());
        };
    }

    private static Duration orDefault(@Nullable Duration retryAfter) {
        return retryAfter == null ? Duration.ofSeconds(60) : retryAfter;
    }
}
