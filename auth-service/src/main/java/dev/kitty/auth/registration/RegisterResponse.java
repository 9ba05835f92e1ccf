package dev.kitty.auth.registration;

import dev.kitty.auth.account.Account;
import java.util.UUID;

record RegisterResponse(UUID userId, String email) {

    static RegisterResponse from(Account account) {
        return new RegisterResponse(account.id(), account.email());
    }
}
