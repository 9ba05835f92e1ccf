package dev.kitty.budget.budget;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BudgetRepository extends JpaRepository<Budget, UUID> {

    /** The access check: one lookup on the unique (budget_id, user_id) index. */
    @Query("select m.role from Membership m where m.budget.id = :budgetId and m.userId = :userId")
    Optional<BudgetRole> roleOf(UUID budgetId, UUID userId);

    /** "My budgets": one join from the user's memberships (indexed by user) to their budgets, by name then id. */
    @Query(value = """
            select new dev.kitty.budget.budget.BudgetView(b.id, b.name, b.currency, b.description, b.timeZone, m.role, b.createdAt, b.version)
            from Membership m join m.budget b
            where m.userId = :userId
            order by b.name, b.id
            """,
            countQuery = "select count(m) from Membership m where m.userId = :userId")
    Page<BudgetView> findMine(UUID userId, Pageable pageable);

    @Query("select m.budget.id from Membership m where m.userId = :userId")
    List<UUID> budgetIdsOf(UUID userId);

    @Query("select m.userId from Membership m where m.budget.id = :budgetId and m.userId in :userIds")
    List<UUID> membersAmong(UUID budgetId, Collection<UUID> userIds);

    @Query("select b.id as id, b.name as name from Budget b where b.id in :ids")
    List<BudgetName> namesOf(Collection<UUID> ids);

    interface BudgetName {
        UUID getId();

        String getName();
    }
}
