package dev.kitty.budget.budget;

import dev.kitty.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/budgets/{budgetId}")
class MemberController {

    record MemberResponse(UUID userId, @Nullable String displayName, BudgetRole role, Instant joinedAt) {
        static MemberResponse from(MemberView member) {
            return new MemberResponse(member.userId(), member.displayName(), member.role(), member.joinedAt());
        }
    }

    record ChangeRoleRequest(@NotNull @Nullable BudgetRole role) {}

    record TransferOwnershipRequest(@NotNull @Nullable UUID userId) {}

    private final MemberManagement members;

    MemberController(MemberManagement members) {
        this.members = members;
    }

    @GetMapping("/members")
    List<MemberResponse> list(CurrentUser caller, @PathVariable UUID budgetId) {
        return members.list(caller, budgetId).stream().map(MemberResponse::from).toList();
    }

    @PatchMapping("/members/{userId}")
    MemberResponse changeRole(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID userId,
            @Valid @RequestBody ChangeRoleRequest request) {
        return MemberResponse.from(members.changeRole(caller, budgetId, userId, Objects.requireNonNull(request.role())));
    }

    /** Removing someone else, or leaving when it is the caller. */
    @DeleteMapping("/members/{userId}")
    ResponseEntity<Void> remove(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID userId) {
        members.remove(caller, budgetId, userId);
        return ResponseEntity.noContent().build();
    }

    /** The members afterwards: the new owner, and the old one as ADMIN. */
    @PostMapping("/ownership")
    List<MemberResponse> transferOwnership(CurrentUser caller, @PathVariable UUID budgetId,
            @Valid @RequestBody TransferOwnershipRequest request) {
        return members.transferOwnership(caller, budgetId, Objects.requireNonNull(request.userId())).stream()
                .map(MemberResponse::from).toList();
    }
}
