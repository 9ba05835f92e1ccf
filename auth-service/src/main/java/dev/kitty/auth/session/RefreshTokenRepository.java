package dev.kitty.auth.session;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, UUID> {

    /** Locked: of two concurrent exchanges of one token, the second sees it used and revokes the family. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<RefreshToken> findByTokenHash(String tokenHash);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.familyId = :familyId and t.revokedAt is null")
    int revokeFamily(UUID familyId, Instant now);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.accountId = :accountId and t.revokedAt is null")
    int revokeAccount(UUID accountId, Instant now);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now"
            + " where t.accountId = :accountId and t.familyId <> :keepFamily and t.revokedAt is null")
    int revokeAccountExceptFamily(UUID accountId, UUID keepFamily, Instant now);

    @Modifying
    @Query("delete from RefreshToken t where t.accountId = :accountId")
    int deleteByAccountId(UUID accountId);
}
