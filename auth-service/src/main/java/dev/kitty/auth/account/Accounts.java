package dev.kitty.auth.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The account feature's face to the others (registration, sessions, passwords, tokens,
 * administration, bootstrap, key rotation): they find, check and store accounts here, and only
 * this package touches the repository. Saving publishes the domain events the account recorded.
 */
@Service
public class Accounts {

    private final AccountRepository repository;

    Accounts(AccountRepository repository) {
        this.repository = repository;
    }

    public Optional<Account> findById(UUID id) {
        return repository.findById(id);
    }

    /** @param email already {@linkplain Account#normaliseEmail normalised} */
    public Optional<Account> findByEmail(String email) {
        return repository.findByEmail(email);
    }

    /** @param email already {@linkplain Account#normaliseEmail normalised} */
    public boolean existsByEmail(String email) {
        return repository.existsByEmail(email);
    }

    public Page<Account> findAll(Pageable pageable) {
        return repository.findAll(pageable);
    }

    public Account save(Account account) {
        return repository.save(account);
    }

    /** Saves and writes at once, so that a lost race on the unique email or on the version fails here. */
    public Account saveAndFlush(Account account) {
        return repository.saveAndFlush(account);
    }
}
