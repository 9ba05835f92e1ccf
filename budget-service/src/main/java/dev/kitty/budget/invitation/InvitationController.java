package dev.kitty.budget.invitation;

import dev.kitty.budget.budget.BudgetRole;
import dev.kitty.budget.budget.Budgets;
import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InvitationController {

    record SendInvitationRequest(@NotBlank @Email @Size(max = 254) @Nullable String email, @NotNull @Nullable BudgetRole role) {}

    record InvitationResponse(UUID id, String email, BudgetRole role, InvitationStatus status, @Nullable UUID invitedBy,
            Instant createdAt, Instant expiresAt) {
        static InvitationResponse from(Invitation invitation, Instant now) {
            return new InvitationResponse(invitation.id(), invitation.email(), invitation.role(), invitation.statusAt(now),
                    invitation.invitedBy(), invitation.createdAt(), invitation.expiresAt());
        }
    }

    record ReceivedInvitationResponse(UUID id, UUID budgetId, String budgetName, BudgetRole role, @Nullable UUID invitedBy,
            @Nullable String invitedByName, Instant expiresAt) {
        static ReceivedInvitationResponse from(InvitationFlow.Received received) {
            var invitation = received.invitation();
            return new ReceivedInvitationResponse(invitation.id(), invitation.budgetId(), received.budgetName(), invitation.role(),
                    invitation.invitedBy(), received.invitedByName(), invitation.expiresAt());
        }
    }

    record MembershipResponse(UUID budgetId, String budgetName, UUID userId, BudgetRole role, Instant joinedAt) {
        static MembershipResponse from(Budgets.Joined joined) {
            return new MembershipResponse(joined.budgetId(), joined.budgetName(), joined.userId(), joined.role(), joined.joinedAt());
        }
    }

    private final InvitationFlow flow;
    private final Clock clock;

    InvitationController(InvitationFlow flow, Clock clock) {
        this.flow = flow;
        this.clock = clock;
    }

    @PostMapping("/api/budgets/{budgetId}/invitations")
    ResponseEntity<InvitationResponse> send(CurrentUser caller, @PathVariable UUID budgetId, @Valid @RequestBody SendInvitationRequest request) {
        var invitation = flow.send(caller, budgetId, Objects.requireNonNull(request.email()).strip(), Objects.requireNonNull(request.role()));
        return ResponseEntity.created(URI.create("/api/budgets/" + budgetId + "/invitations/" + invitation.id()))
                .body(InvitationResponse.from(invitation, clock.instant()));
    }

    /** The budget's pending invitations (those past their expiry show EXPIRED until the job marks them). */
    @GetMapping("/api/budgets/{budgetId}/invitations")
    List<InvitationResponse> pendingOf(CurrentUser caller, @PathVariable UUID budgetId) {
        var now = clock.instant();
        return flow.pendingOf(caller, budgetId).stream().map(i -> InvitationResponse.from(i, now)).toList();
    }

    @DeleteMapping("/api/budgets/{budgetId}/invitations/{invitationId}")
    ResponseEntity<Void> revoke(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID invitationId) {
        flow.revoke(caller, budgetId, invitationId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/invitations")
    List<ReceivedInvitationResponse> mine(CurrentUser caller) {
        return flow.mine(caller).stream().map(ReceivedInvitationResponse::from).toList();
    }

    @PostMapping("/api/invitations/{invitationId}/accept")
    MembershipResponse accept(CurrentUser caller, @PathVariable UUID invitationId) {
        return answering(() -> MembershipResponse.from(flow.accept(caller, invitationId)));
    }

    @PostMapping("/api/invitations/{invitationId}/decline")
    ResponseEntity<Void> decline(CurrentUser caller, @PathVariable UUID invitationId) {
        return answering(() -> {
            flow.decline(caller, invitationId);
            return ResponseEntity.noContent().build();
        });
    }

    private static <T> T answering(Supplier<T> answer) {
        try {
            return answer.get();
        } catch (EmailNotVerifiedException e) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "email-not-verified", "Forbidden", e.getMessage());
        }
    }
}
