package dev.kitty.auth.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, UUID> {

    /** @param email already {@linkplain Account#normaliseEmail normalised} */
    Optional<Account> findByEmail(String email);

    /** @param email already {@linkplain Account#normaliseEmail normalised} */
    boolean existsByEmail(String email);
}
