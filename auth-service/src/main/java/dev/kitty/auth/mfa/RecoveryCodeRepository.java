package dev.kitty.auth.mfa;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, UUID> {

    /** Locked, so that one code cannot open two sessions in a race. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<RecoveryCode> findByAccountIdAndCodeHash(UUID accountId, String codeHash);

    long countByAccountIdAndUsedAtIsNull(UUID accountId);

    @Modifying
    @Query("delete from RecoveryCode c where c.accountId = :accountId")
    int deleteByAccountId(UUID accountId);
}
