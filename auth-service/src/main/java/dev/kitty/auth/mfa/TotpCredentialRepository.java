package dev.kitty.auth.mfa;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TotpCredentialRepository extends JpaRepository<TotpCredential, UUID> {

    /** Locked: of two concurrent logins with the same code, the second sees the step spent. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from TotpCredential c where c.accountId = :accountId")
    Optional<TotpCredential> findForUpdate(UUID accountId);

    boolean existsByAccountIdAndEnabledAtIsNotNull(UUID accountId);

    @Query("select c.accountId from TotpCredential c where c.accountId in :accountIds and c.enabledAt is not null")
    List<UUID> findEnabledAmong(Collection<UUID> accountIds);

    @Modifying
    @Query("delete from TotpCredential c where c.accountId = :accountId")
    int deleteByAccountId(UUID accountId);
}
