package dev.kitty.transaction.membership;

import dev.kitty.transaction.RunningTransactionService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kitty.budget.events.BudgetCreated;
import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.budget.events.MemberAdded;
import dev.kitty.budget.events.MemberRemoved;
import dev.kitty.budget.events.MemberRoleChanged;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.user.events.UserDeleted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versioned replica against every order of a membership's history, replays included, on
 * the real PostgreSQL replica. Events go straight to the listeners (the Kafka path is
 * {@link MembershipReplicationIT}'s); after every event the replica must hold the state of the
 * newest event applied so far, whatever came before it.
 */
class MembershipHistoryIT extends RunningTransactionService {

    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

    record Membership(UUID budget, UUID user) {}

    /**
     * One event of a membership's history: its version, and the role it leaves the member with
     * ({@code null}: no membership, {@code deleted}: the budget is gone).
     */
    record Step(String label, long version, @Nullable BudgetRole role, boolean deleted, BiConsumer<MembershipReplication, Membership> apply) {

        static Step created() {
            return new Step("BudgetCreated", 0, BudgetRole.OWNER, false, (listeners, membership) -> listeners.on(
                    new BudgetCreated(membership.budget(), membership.user(), "Household", "EUR", "Europe/Berlin", AT)));
        }

        static Step added(long version, BudgetRole role) {
            return new Step("Added " + role + " v" + version, version, role, false, (listeners, membership) -> listeners.on(
                    new MemberAdded(membership.budget(), "Household", membership.user(), role.name(), null, AT, version)));
        }

        static Step changed(long version, BudgetRole role) {
            return new Step("Changed to " + role + " v" + version, version, role, false, (listeners, membership) -> listeners.on(
                    new MemberRoleChanged(membership.budget(), "Household", membership.user(), role.name(), null, version), metadata(membership)));
        }

        static Step removed(long version) {
            return new Step("Removed v" + version, version, null, false, (listeners, membership) -> listeners.on(
                    new MemberRemoved(membership.budget(), "Household", membership.user(), MemberRemoved.REASON_REMOVED, null, version)));
        }

        static Step budgetDeleted() {
            return new Step("BudgetDeleted", Long.MAX_VALUE, null, true, (listeners, membership) -> listeners.on(
                    new BudgetDeleted(membership.budget(), "Household", null, java.util.List.of(), AT)));
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @Autowired
    MembershipReplication listeners;

    @Autowired
    MembershipReplica replica;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void endsInTheNewestStateWhateverTheOrderAndHowOftenOldEventsAreReplayed() {
        var added = Step.added(1, BudgetRole.MEMBER);
        var removed = Step.removed(3);
        // a replay is the same event once more (a resubmission, a dead-letter replay under a new id)
        var histories = orders(List.of(added, Step.changed(2, BudgetRole.ADMIN), removed, Step.added(4, BudgetRole.VIEWER),
                Step.changed(5, BudgetRole.MEMBER), added, removed));

        assertThat(histories).hasSize(1260);
        replayAll(histories);
    }

    @Test
    void theCreatorsOwnershipIsOlderThanEveryMembershipEvent() {
        var histories = orders(List.of(Step.created(), Step.changed(2, BudgetRole.ADMIN), Step.removed(3), Step.added(4, BudgetRole.MEMBER)));

        assertThat(histories).hasSize(24);
        replayAll(histories);
    }

    @Test
    void aDeletedBudgetStaysDeletedWhateverArrivesAfterIt() {
        var histories = orders(List.of(Step.added(1, BudgetRole.MEMBER), Step.changed(2, BudgetRole.ADMIN), Step.removed(3),
                Step.added(4, BudgetRole.VIEWER), Step.budgetDeleted()));

        assertThat(histories).hasSize(120);
        replayAll(histories);
    }

    @Test
    void aDeletedUsersMembershipsBecomeTombstonesThatOlderEventsCannotRevive() {
        var membership = new Membership(UUID.randomUUID(), UUID.randomUUID());
        Step.added(1, BudgetRole.MEMBER).apply().accept(listeners, membership);
        Step.changed(2, BudgetRole.ADMIN).apply().accept(listeners, membership);

        listeners.on(new UserDeleted(membership.user(), AT));
        Step.added(1, BudgetRole.MEMBER).apply().accept(listeners, membership);
        Step.changed(2, BudgetRole.ADMIN).apply().accept(listeners, membership);

        assertThat(replica.roleOf(membership.budget(), membership.user())).isEmpty();
        assertThat(held(membership)).contains(new Held(2, true));
    }

    /** What the replica's row says: the version it holds and whether it is a tombstone. */
    record Held(long version, boolean removed) {}

    private void replayAll(Set<List<Step>> histories) {
        var wrong = new ArrayList<String>();
        for (var history : histories) {
            var membership = new Membership(UUID.randomUUID(), UUID.randomUUID());
            transactions.executeWithoutResult(status -> {
                for (var applied = 1; applied <= history.size(); applied++) {
                    history.get(applied - 1).apply().accept(listeners, membership);
                    var newest = history.subList(0, applied).stream().max(Comparator.comparingLong(Step::version)).orElseThrow();
                    var role = replica.roleOf(membership.budget(), membership.user());
                    var held = held(membership);
                    if (!role.equals(Optional.ofNullable(newest.role()))
                            || !held.equals(newest.deleted() ? Optional.empty() : Optional.of(new Held(newest.version(), newest.role() == null)))) {
                        wrong.add(history.subList(0, applied) + " should end as " + newest + ", ends with role " + role + ", row " + held);
                    }
                }
            });
        }
        if (!wrong.isEmpty()) {
            fail("%d steps of %d histories ended wrong; the first ones:%n%s", wrong.size(), histories.size(),
                    String.join("\n", wrong.subList(0, Math.min(10, wrong.size()))));
        }
    }

    private Optional<Held> held(Membership membership) {
        return jdbc.sql("SELECT version, removed_at IS NOT NULL AS removed FROM budget_member WHERE budget_id = ? AND user_id = ?")
                .params(membership.budget(), membership.user())
                .query((row, number) -> new Held(row.getLong("version"), row.getBoolean("removed")))
                .optional();
    }

    /** Every distinct order of the steps; a step listed twice is replayed. */
    private static Set<List<Step>> orders(List<Step> steps) {
        var orders = new LinkedHashSet<List<Step>>();
        permute(new ArrayList<>(steps), 0, orders);
        return orders;
    }

    private static void permute(List<Step> steps, int from, Set<List<Step>> into) {
        if (from == steps.size()) {
            into.add(List.copyOf(steps));
            return;
        }
        for (var i = from; i < steps.size(); i++) {
            java.util.Collections.swap(steps, from, i);
            permute(steps, from + 1, into);
            java.util.Collections.swap(steps, from, i);
        }
    }

    private static EventMetadata metadata(Membership membership) {
        return new EventMetadata(UUID.randomUUID().toString(), BudgetEvents.MEMBER_ROLE_CHANGED.name(), "/kitty/budget-service",
                membership.budget().toString(), AT);
    }
}
