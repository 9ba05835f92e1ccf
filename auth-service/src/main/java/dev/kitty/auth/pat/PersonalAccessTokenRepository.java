package dev.kitty.auth.pat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PersonalAccessTokenRepository extends JpaRepository<PersonalAccessToken, UUID> {

    Optional<PersonalAccessToken> findByLookupId(String lookupId);

    List<PersonalAccessToken> findByAccountIdAndRevokedAtIsNullOrderByCreatedAtDesc(UUID accountId);

    Optional<PersonalAccessToken> findByIdAndAccountId(UUID id, UUID accountId);

    @Query("""
            select count(t) from PersonalAccessToken t
            where t.accountId = :accountId and t.revokedAt is null and (t.expiresAt is null or t.expiresAt > :now)""")
    long countUsable(UUID accountId, Instant now);

    @Modifying
    @Query("update PersonalAccessToken t set t.revokedAt = :now where t.accountId = :accountId and t.revokedAt is null")
    int revokeAllOf(UUID accountId, Instant now);

    @Modifying
    @Query("delete from PersonalAccessToken t where t.accountId = :accountId")
    int deleteByAccountId(UUID accountId);
}
