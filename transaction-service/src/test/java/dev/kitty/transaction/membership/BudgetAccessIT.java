package dev.kitty.transaction.membership;

import dev.kitty.transaction.RunningTransactionService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Who gets into a budget, on the real replica: every standing of a caller against every role an action may need. */
class BudgetAccessIT extends RunningTransactionService {

    enum Verdict { ALLOWED, FORBIDDEN, NOT_FOUND }

    /** How the caller stands in a fresh budget, set up through the replica's listener methods. */
    record Standing(String name, Set<String> systemRoles, BiConsumer<MembershipReplica, Membership> setUp) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Membership(UUID budget, UUID caller) {}

    @Autowired
    MembershipReplica replica;

    @Autowired
    BudgetAccess access;

    static Stream<Arguments> standingsAgainstMinimumRoles() {
        var cases = new ArrayList<Arguments>();
        for (var held : BudgetRole.values()) {
            for (var minimum : BudgetRole.values()) {
                cases.add(Arguments.of(member(held.name(), Set.of()), minimum, held.includes(minimum) ? Verdict.ALLOWED : Verdict.FORBIDDEN));
            }
        }
        for (var minimum : BudgetRole.values()) {
            cases.add(Arguments.of(new Standing("non-member", Set.of(), (replica, m) -> { }), minimum, Verdict.NOT_FOUND));
            cases.add(Arguments.of(new Standing("non-member SUPER_USER and ADMIN", Set.of("SUPER_USER", "ADMIN"), (replica, m) -> { }),
                    minimum, Verdict.NOT_FOUND));
            cases.add(Arguments.of(new Standing("removed member", Set.of(), (replica, m) -> {
                replica.memberAdded(m.budget(), m.caller(), "ADMIN", Instant.now(), 1);
                replica.memberRemoved(m.budget(), m.caller(), 2);
            }), minimum, Verdict.NOT_FOUND));
            cases.add(Arguments.of(new Standing("member of a deleted budget", Set.of(), (replica, m) -> {
                replica.memberAdded(m.budget(), m.caller(), "OWNER", Instant.now(), 1);
                replica.budgetDeleted(m.budget());
            }), minimum, Verdict.NOT_FOUND));
            cases.add(Arguments.of(member("AUDITOR (unknown role)", "AUDITOR", Set.of()), minimum, Verdict.NOT_FOUND));
        }
        cases.add(Arguments.of(member("VIEWER who is SUPER_USER", "VIEWER", Set.of("SUPER_USER")), BudgetRole.MEMBER, Verdict.FORBIDDEN));
        cases.add(Arguments.of(member("MEMBER who is ADMIN", "MEMBER", Set.of("ADMIN")), BudgetRole.ADMIN, Verdict.FORBIDDEN));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} needing {1} → {2}")
    @MethodSource("standingsAgainstMinimumRoles")
    void letsInOnlyMembersWithTheRoleNeededAndHidesTheBudgetFromEveryoneElse(Standing standing, BudgetRole minimum, Verdict verdict) {
        var membership = new Membership(UUID.randomUUID(), UUID.randomUUID());
        replica.budgetCreated(membership.budget(), UUID.randomUUID(), "EUR", "UTC", Instant.now());
        standing.setUp().accept(replica, membership);
        var caller = new CurrentUser(membership.caller(), "caller@example.com", true, standing.systemRoles());

        switch (verdict) {
            case ALLOWED -> assertThat(access.require(membership.budget(), caller, minimum)).matches(held -> held.includes(minimum));
            case FORBIDDEN -> assertThatExceptionOfType(DomainException.Forbidden.class)
                    .isThrownBy(() -> access.require(membership.budget(), caller, minimum));
            case NOT_FOUND -> assertThatExceptionOfType(DomainException.NotFound.class)
                    .isThrownBy(() -> access.require(membership.budget(), caller, minimum));
        }
    }

    private static Standing member(String role, Set<String> systemRoles) {
        return member(role, role, systemRoles);
    }

    private static Standing member(String name, String role, Set<String> systemRoles) {
        return new Standing(name, systemRoles, (replica, m) -> replica.memberAdded(m.budget(), m.caller(), role, Instant.now(), 1));
    }
}
