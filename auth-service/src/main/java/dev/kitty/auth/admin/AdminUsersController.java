package dev.kitty.auth.admin;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.mfa.Mfa;
import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.security.InteractiveLoginRequired;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * System-role administration. Every method carries its own {@code @PreAuthorize}: no path rule
 * elsewhere is needed for it to be safe (OWASP API5:2023).
 */
@RestController
@RequestMapping("/api/admin/users")
class AdminUsersController {

    /** Keeps page × size within what the database's offset accepts; nobody pages that far by hand. */
    static final int MAX_PAGE = 1_000_000;

    private final UserAdministration administration;
    private final Mfa mfa;

    AdminUsersController(UserAdministration administration, Mfa mfa) {
        this.administration = administration;
        this.mfa = mfa;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPER_USER')")
    PagedModel<AdminUserResponse> list(CurrentUser user,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var pageable = PageRequest.of(page, size, Sort.by("createdAt", "id"));
        var accounts = administration.list(user.id(), pageable);
        var withMfa = mfa.enabledAmong(accounts.map(Account::id).toList());
        return new PagedModel<>(accounts.map(account -> AdminUserResponse.from(account, withMfa.contains(account.id()))));
    }

    /** Granting system roles is privilege management: never with a personal access token, however privileged. */
    @InteractiveLoginRequired
    @PutMapping("/{id}/roles")
    @PreAuthorize("hasRole('SUPER_USER')")
    AdminUserResponse changeRoles(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody ChangeRolesRequest request) {
        var account = administration.changeRoles(user.id(), id, request.roles());
        return AdminUserResponse.from(account, mfa.isEnabled(account.id()));
    }

    @PostMapping("/{id}/lock")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPER_USER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lock(CurrentUser user, @PathVariable UUID id) {
        administration.lock(user.id(), id);
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPER_USER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(CurrentUser user, @PathVariable UUID id) {
        administration.unlock(user.id(), id);
    }
}
