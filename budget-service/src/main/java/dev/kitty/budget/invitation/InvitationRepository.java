package dev.kitty.budget.invitation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    @Query("""
            select i from Invitation i
            where i.budgetId = :budgetId and i.status = dev.kitty.budget.invitation.InvitationStatus.PENDING
            order by i.createdAt, i.id
            """)
    List<Invitation> pendingOf(UUID budgetId);

    /** Lower-cased addresses; served by the partial index on lower(email) of pending invitations. */
    @Query("""
            select i from Invitation i
            where lower(i.email) in :emails and i.status = dev.kitty.budget.invitation.InvitationStatus.PENDING and i.expiresAt > :now
            order by i.createdAt, i.id
            """)
    List<Invitation> pendingTo(Collection<String> emails, Instant now);

    @Query("""
            select count(i) > 0 from Invitation i
            where i.budgetId = :budgetId and lower(i.email) = lower(:email)
                and i.status = dev.kitty.budget.invitation.InvitationStatus.PENDING
            """)
    boolean isPending(UUID budgetId, String email);

    @Query("select count(i) from Invitation i where i.invitedBy = :inviter and i.createdAt > :since")
    long countSentSince(UUID inviter, Instant since);

    @Query("select min(i.createdAt) from Invitation i where i.invitedBy = :inviter and i.createdAt > :since")
    @Nullable Instant firstSentSince(UUID inviter, Instant since);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "UPDATE invitation SET status = 'EXPIRED', version = version + 1 WHERE status = 'PENDING' AND expires_at <= :now",
            nativeQuery = true)
    int expireOverdue(Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            UPDATE invitation SET status = 'EXPIRED', version = version + 1
            WHERE budget_id = :budgetId AND lower(email) = lower(:email) AND status = 'PENDING' AND expires_at <= :now
            """, nativeQuery = true)
    int expireOverdue(UUID budgetId, String email, Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "DELETE FROM invitation WHERE status = 'PENDING' AND lower(email) IN (:emails)", nativeQuery = true)
    int deletePendingTo(Collection<String> emails);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "UPDATE invitation SET invited_by = NULL WHERE invited_by = :userId", nativeQuery = true)
    int forgetInviter(UUID userId);
}
