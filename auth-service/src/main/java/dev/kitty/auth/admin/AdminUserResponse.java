package dev.kitty.auth.admin;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.AccountStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an administrator sees of an account: standing and roles, never credentials. */
record AdminUserResponse(UUID id, String email, List<String> roles, AccountStatus status, boolean mfaEnabled, Instant createdAt) {

    static AdminUserResponse from(Account account, boolean mfaEnabled) {
        return new AdminUserResponse(account.id(), account.email(), account.roles().stream().map(Enum::name).sorted().toList(),
                account.status(), mfaEnabled, account.createdAt());
    }
}
