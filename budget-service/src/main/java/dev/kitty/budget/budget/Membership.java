package dev.kitty.budget.budget;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One user's role in one budget; part of the {@link Budget} aggregate, changed only through it. */
@Entity
@Table(name = "membership")
class Membership {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "budget_id")
    private Budget budget;

    private UUID userId;

    @Enumerated(EnumType.STRING)
    private BudgetRole role;

    private Instant joinedAt;

    @Version
    private @Nullable Long version;

    protected Membership() {
        // for JPA
    }

    Membership(Budget budget, UUID userId, BudgetRole role, Instant joinedAt) {
        this.id = UUID.randomUUID();
        this.budget = budget;
        this.userId = userId;
        this.role = role;
        this.joinedAt = joinedAt;
    }

    UUID userId() {
        return userId;
    }

    BudgetRole role() {
        return role;
    }

    Instant joinedAt() {
        return joinedAt;
    }

    void changeRole(BudgetRole role) {
        this.role = role;
    }
}
