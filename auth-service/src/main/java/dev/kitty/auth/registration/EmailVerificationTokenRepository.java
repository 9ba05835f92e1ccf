package dev.kitty.auth.registration;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EmailVerificationTokenRepository extends JpaRepository<EmailVerificationToken, String> {

    /** Locked, so that two requests with the same token cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<EmailVerificationToken> findByTokenHash(String tokenHash);

    @Modifying
    @Query("delete from EmailVerificationToken t where t.accountId = :accountId")
    int deleteByAccountId(UUID accountId);
}
