package dev.kitty.budget.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.kitty.budget.RunningBudgetService;
import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Who gets into a budget: every standing of a caller against every role an action may need (as transaction-service's BudgetAccessIT). */
class BudgetAccessIT extends RunningBudgetService {

    enum Verdict { ALLOWED, FORBIDDEN, NOT_FOUND }

    /** How the caller stands in a fresh budget, set up through the API. */
    record Standing(String name, Set<String> systemRoles, BiConsumer<BudgetAccessIT, Fixture> setUp) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Fixture(User owner, UUID budget, User caller) {}

    @Autowired
    BudgetAccess access;

    static Stream<Arguments> standingsAgainstMinimumRoles() {
        var cases = new ArrayList<Arguments>();
        for (var held : BudgetRole.values()) {
            for (var minimum : BudgetRole.values()) {
                cases.add(Arguments.of(member(held, Set.of()), minimum, held.includes(minimum) ? Verdict.ALLOWED : Verdict.FORBIDDEN));
            }
        }
        for (var minimum : BudgetRole.values()) {
            cases.add(Arguments.of(new Standing("non-member", Set.of(), (test, f) -> { }), minimum, Verdict.NOT_FOUND));
            cases.add(Arguments.of(new Standing("non-member SUPER_USER and ADMIN", Set.of("SUPER_USER", "ADMIN"), (test, f) -> { }),
                    minimum, Verdict.NOT_FOUND));
            cases.add(Arguments.of(new Standing("removed member", Set.of(), (test, f) -> {
                test.join(f.owner(), f.budget(), f.caller(), "ADMIN");
                test.expect(test.call(HttpMethod.DELETE, "/api/budgets/" + f.budget() + "/members/" + f.caller().id(), f.owner(), null),
                        HttpStatus.NO_CONTENT);
            }), minimum, Verdict.NOT_FOUND));
            cases.add(Arguments.of(new Standing("member of a deleted budget", Set.of(), (test, f) -> {
                test.join(f.owner(), f.budget(), f.caller(), "ADMIN");
                test.expect(test.call(HttpMethod.DELETE, "/api/budgets/" + f.budget(), f.owner(), null), HttpStatus.NO_CONTENT);
            }), minimum, Verdict.NOT_FOUND));
            cases.add(Arguments.of(new Standing("invited, not yet accepted", Set.of(), (test, f) ->
                    test.invite(f.owner(), f.budget(), f.caller().email(), "ADMIN")), minimum, Verdict.NOT_FOUND));
        }
        cases.add(Arguments.of(member(BudgetRole.VIEWER, Set.of("SUPER_USER")), BudgetRole.MEMBER, Verdict.FORBIDDEN));
        cases.add(Arguments.of(member(BudgetRole.MEMBER, Set.of("ADMIN")), BudgetRole.ADMIN, Verdict.FORBIDDEN));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} needing {1} → {2}")
    @MethodSource("standingsAgainstMinimumRoles")
    void letsInOnlyMembersWithTheRoleNeededAndHidesTheBudgetFromEveryoneElse(Standing standing, BudgetRole minimum, Verdict verdict) {
        var owner = user("owner");
        var caller = user("caller");
        var fixture = new Fixture(owner, createBudget(owner, "Flat"), caller);
        standing.setUp().accept(this, fixture);
        var callerAsOwner = standing.name().equals("OWNER");
        var current = new CurrentUser(callerAsOwner ? owner.id() : caller.id(), caller.email(), true, standing.systemRoles());

        switch (verdict) {
            case ALLOWED -> assertThat(access.require(fixture.budget(), current, minimum)).matches(held -> held.includes(minimum));
            case FORBIDDEN -> assertThatExceptionOfType(DomainException.Forbidden.class)
                    .isThrownBy(() -> access.require(fixture.budget(), current, minimum));
            case NOT_FOUND -> assertThatExceptionOfType(DomainException.NotFound.class)
                    .isThrownBy(() -> access.require(fixture.budget(), current, minimum));
        }
    }

    /** OWNER is the budget's creator; the other roles join by invitation. */
    private static Standing member(BudgetRole role, Set<String> systemRoles) {
        var name = systemRoles.isEmpty() ? role.name() : role.name() + " who is " + String.join(" and ", systemRoles);
        return new Standing(name, systemRoles, (test, f) -> {
            if (role != BudgetRole.OWNER) {
                test.join(f.owner(), f.budget(), f.caller(), role.name());
            }
        });
    }
}
