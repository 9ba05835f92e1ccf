package dev.kitty.auth.password;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetTokenRepository extends JpaRepository<PasswordResetToken, String> {

    /** Locked, so that two requests with the same token cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<PasswordResetToken> findByTokenHash(String tokenHash);

    /** Only the newest link works: a new request or a completed reset voids the others. */
    @Modifying
    @Query("delete from PasswordResetToken t where t.accountId = :accountId and t.tokenHash <> :keep")
    int deleteOthers(UUID accountId, String keep);

    @Modifying
    @Query("delete from PasswordResetToken t where t.accountId = :accountId")
    int deleteByAccountId(UUID accountId);
}
