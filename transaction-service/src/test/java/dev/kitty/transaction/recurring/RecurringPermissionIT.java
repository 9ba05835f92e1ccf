package dev.kitty.transaction.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.transaction.RunningTransactionService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The recurring endpoints against every kind of caller: VIEWER+ reads, MEMBER+ creates, the author MEMBER or any ADMIN+
 * changes and deletes (the rule here is the owner's, so a MEMBER is not its author); a non-member, a removed member and
 * a system administrator who is no member get 404 (never 403), also for a rule of another budget; no token, 401.
 */
class RecurringPermissionIT extends RunningTransactionService {

    enum Caller { OWNER, ADMIN, MEMBER, VIEWER, REMOVED_MEMBER, NON_MEMBER, SYSTEM_ADMIN, UNAUTHENTICATED }

    enum Action { LIST, READ, CREATE, CHANGE, DELETE, READ_OTHER_BUDGETS_RULE, CHANGE_OTHER_BUDGETS_RULE }

    static Stream<Arguments> cases() {
        var cases = new ArrayList<Arguments>();
        for (var action : Action.values()) {
            for (var caller : Caller.values()) {
                var expected = switch (caller) {
                    case REMOVED_MEMBER, NON_MEMBER, SYSTEM_ADMIN -> 404;
                    case UNAUTHENTICATED -> 401;
                    case OWNER, ADMIN, MEMBER, VIEWER -> switch (action) {
                        case LIST, READ -> 200;
                        case CREATE -> caller == Caller.VIEWER ? 403 : 201;
                        case CHANGE -> caller == Caller.OWNER || caller == Caller.ADMIN ? 200 : 403;
                        case DELETE -> caller == Caller.OWNER || caller == Caller.ADMIN ? 204 : 403;
                        // the rule is no rule of this budget, whoever asks; a viewer is refused for the role first
                        case READ_OTHER_BUDGETS_RULE -> 404;
                        case CHANGE_OTHER_BUDGETS_RULE -> caller == Caller.VIEWER ? 403 : 404;
                    };
                };
                cases.add(Arguments.of(action, caller, expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cases")
    void answersEachCallerAsTheRolesSay(Action action, Caller caller, int expected) {
        clock.set(Instant.parse("2027-03-10T12:00:00Z"));
        var team = team();
        var removed = user("removed");
        jdbc.sql("INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version, removed_at) VALUES (:b, :u, NULL, NULL, now(), 2, now())")
                .param("b", team.budget()).param("u", removed.id()).update();
        var rule = """
                {"type": "EXPENSE", "amount": "10", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-03-10"}
                """;
        var base = "/api/budgets/" + team.budget() + "/recurring";
        var ruleId = expect(call(HttpMethod.POST, base, team.owner(), rule), HttpStatus.CREATED).get("id").asString();
        var other = team();
        var otherRuleId = expect(call(HttpMethod.POST, "/api/budgets/" + other.budget() + "/recurring", other.owner(), rule), HttpStatus.CREATED)
                .get("id").asString();
        @Nullable User who = switch (caller) {
            case OWNER -> team.owner();
            case ADMIN -> team.admin();
            case MEMBER -> team.member();
            case VIEWER -> team.viewer();
            case REMOVED_MEMBER -> removed;
            case NON_MEMBER -> user("stranger");
            case SYSTEM_ADMIN -> user("root", "USER", "ADMIN", "SUPER_USER");
            case UNAUTHENTICATED -> null;
        };

        var result = switch (action) {
            case LIST -> call(HttpMethod.GET, base, who, null);
            case READ -> call(HttpMethod.GET, base + "/" + ruleId, who, null);
            case CREATE -> call(HttpMethod.POST, base, who, rule);
            case CHANGE -> call(HttpMethod.PATCH, base + "/" + ruleId, who, "{\"amount\": \"11\"}");
            case DELETE -> call(HttpMethod.DELETE, base + "/" + ruleId, who, null);
            case READ_OTHER_BUDGETS_RULE -> call(HttpMethod.GET, base + "/" + otherRuleId, who, null);
            case CHANGE_OTHER_BUDGETS_RULE -> call(HttpMethod.PATCH, base + "/" + otherRuleId, who, "{\"amount\": \"11\"}");
        };

        assertThat(result).hasStatus(expected);
        if (expected >= 400) {
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        }
        // a refusal changes nothing
        var stored = jdbc.sql("SELECT amount FROM recurring_rule WHERE id = :r").param("r", UUID.fromString(ruleId)).query(BigDecimal.class).optional();
        if (expected >= 400 || action != Action.CHANGE && action != Action.DELETE) {
            assertThat(stored).hasValueSatisfying(amount -> assertThat(amount).isEqualByComparingTo("10"));
        }
        assertThat(jdbc.sql("SELECT amount FROM recurring_rule WHERE id = :r").param("r", UUID.fromString(otherRuleId))
                .query(BigDecimal.class).single()).isEqualByComparingTo("10");
        if (action == Action.CREATE && expected >= 400) {
            assertThat(rows("recurring_rule", team.budget())).isEqualTo(1);
        }
    }
}
