package dev.kitty.budget.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.kitty.platform.web.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.AbstractAggregateRoot;

/** The aggregate's rules in plain JUnit: membership versions and who inherits a budget. */
class BudgetTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final UUID owner = UUID.randomUUID();
    private final Budget budget = Budget.create(owner, "Flat", "EUR", null, "UTC", NOW);

    @Test
    void countsEveryMembershipEventOfTheBudgetAndNeverReusesANumber() {
        var ann = UUID.randomUUID();
        var bob = UUID.randomUUID();

        budget.join(ann, BudgetRole.MEMBER, owner, NOW);
        budget.join(bob, BudgetRole.VIEWER, owner, NOW);
        budget.changeRole(owner, ann, BudgetRole.ADMIN, NOW);
        budget.remove(ann, ann, NOW);
        budget.join(ann, BudgetRole.MEMBER, owner, NOW);
        budget.beginTransfer(owner, bob, NOW);
        budget.completeTransfer(owner, bob, NOW);

        assertThat(versions()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events()).filteredOn(BudgetChange.OwnershipPassed.class::isInstance).hasSize(1);
        assertThat(budget.roleOf(owner)).contains(BudgetRole.ADMIN);
        assertThat(budget.roleOf(bob)).contains(BudgetRole.OWNER);
    }

    @Test
    void recordsNothingForARoleChangeThatChangesNothing() {
        var ann = UUID.randomUUID();
        budget.join(ann, BudgetRole.MEMBER, owner, NOW);

        budget.changeRole(owner, ann, BudgetRole.MEMBER, NOW);

        assertThat(versions()).containsExactly(1L);
    }

    @Test
    void theLongestStandingAdminElseMemberInheritsAndViewersNever() {
        var viewer = UUID.randomUUID();
        var member = UUID.randomUUID();
        var laterAdmin = UUID.randomUUID();
        var earlierAdmin = UUID.randomUUID();
        budget.join(viewer, BudgetRole.VIEWER, owner, NOW);
        budget.join(member, BudgetRole.MEMBER, owner, NOW.plus(Duration.ofMinutes(1)));
        budget.join(earlierAdmin, BudgetRole.ADMIN, owner, NOW.plus(Duration.ofMinutes(2)));
        budget.join(laterAdmin, BudgetRole.ADMIN, owner, NOW.plus(Duration.ofMinutes(3)));

        assertThat(budget.successorOfOwner()).contains(earlierAdmin);
        budget.remove(owner, earlierAdmin, NOW);
        budget.remove(owner, laterAdmin, NOW);
        assertThat(budget.successorOfOwner()).contains(member);
        budget.remove(owner, member, NOW);
        assertThat(budget.successorOfOwner()).isEmpty();
    }

    @Test
    void equalJoinTimesAreDecidedByUserId() {
        var first = new UUID(0, 1);
        var second = new UUID(0, 2);
        budget.join(second, BudgetRole.ADMIN, owner, NOW);
        budget.join(first, BudgetRole.ADMIN, owner, NOW);

        assertThat(budget.successorOfOwner()).contains(first);
    }

    @Test
    void aMemberCannotJoinTwiceNorTheOwnerLeave() {
        var ann = UUID.randomUUID();
        budget.join(ann, BudgetRole.MEMBER, owner, NOW);

        assertThatExceptionOfType(DomainException.Conflict.class).isThrownBy(() -> budget.join(ann, BudgetRole.VIEWER, owner, NOW))
                .satisfies(e -> assertThat(e.slug()).isEqualTo("already-member"));
        assertThatExceptionOfType(DomainException.Conflict.class).isThrownBy(() -> budget.remove(owner, owner, NOW))
                .satisfies(e -> assertThat(e.slug()).isEqualTo("owner-cannot-leave"));
    }

    private List<Long> versions() {
        var versions = new ArrayList<Long>();
        for (var event : events()) {
            switch (event) {
                case BudgetChange.MemberJoined e -> versions.add(e.version());
                case BudgetChange.MemberRoleChanged e -> versions.add(e.version());
                case BudgetChange.MemberRemoved e -> versions.add(e.version());
                default -> { }
            }
        }
        return versions;
    }

    private List<BudgetChange> events() {
        return new DomainEventsOf(budget).events();
    }

    /** Reads the events the aggregate recorded, as Spring Data would on save. */
    private record DomainEventsOf(Budget budget) {
        List<BudgetChange> events() {
            try {
                var method = AbstractAggregateRoot.class.getDeclaredMethod("domainEvents");
                method.setAccessible(true);
                return ((java.util.Collection<?>) method.invoke(budget)).stream().map(BudgetChange.class::cast).toList();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
