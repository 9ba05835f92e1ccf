package dev.kitty.transaction.membership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.transaction.RunningTransactionService;
import dev.kitty.transaction.StubBudgetService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** The read-your-writes fallback (ADR 14) against a stub budget-service on a real port, found through discovery. */
class ReadYourWritesIT extends RunningTransactionService {

    private static final String TX = "{\"type\": \"EXPENSE\", \"amount\": \"4.5\", \"occurredOn\": \"2026-05-01\"}";

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    @Test
    void aBudgetCreatedAMomentAgoWorksAtOnceWithTheRoleAndCurrencyBudgetServiceGives() {
        var owner = user("owner");
        var budget = UUID.randomUUID();
        BUDGET_SERVICE.member(budget, owner.id(), "OWNER", "GBP");

        var created = record(budget, owner, TX);

        assertThat(created.get("currency").asString()).isEqualTo("GBP");
        assertThat(created.get("amount").asString()).isEqualTo("4.50");
        expect(call(HttpMethod.POST, categories(budget), owner, "{\"name\": \"Food\", \"type\": \"EXPENSE\"}"), HttpStatus.CREATED);
        var asked = BUDGET_SERVICE.requestsFor(budget);
        assertThat(asked).isNotEmpty().allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/api/budgets/" + budget);
            assertThat(request.authorization()).isEqualTo("Bearer " + owner.token());
        });
        // the replica is left to the events
        assertThat(jdbc.sql("SELECT count(*) FROM budget_member WHERE budget_id = :b").param("b", budget).query(Long.class).single()).isZero();
    }

    @Test
    void aMemberWhoJoinedAMomentAgoGetsTheirRoleFromBudgetService() {
        var team = team();
        var joined = user("joined");
        BUDGET_SERVICE.member(team.budget(), joined.id(), "VIEWER", "EUR");

        expect(call(HttpMethod.GET, transactions(team.budget()), joined, null), HttpStatus.OK);
        expect(call(HttpMethod.POST, transactions(team.budget()), joined, TX), HttpStatus.FORBIDDEN);
    }

    @Test
    void whomBudgetServiceDoesNotKnowGets404() {
        var stranger = user("stranger");
        var budget = UUID.randomUUID();

        expect(call(HttpMethod.GET, transactions(budget), stranger, null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.POST, transactions(budget), stranger, TX), HttpStatus.NOT_FOUND);
        assertThat(BUDGET_SERVICE.requestsFor(budget)).hasSize(2);
    }

    @Test
    void aRemovedMemberOrADeletedBudgetIsAnsweredFromTheReplicaAlone() {
        var team = team();
        var removed = user("removed");
        jdbc.sql("INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version, removed_at) VALUES (:b, :u, NULL, NULL, now(), 3, now())")
                .param("b", team.budget()).param("u", removed.id()).update();
        BUDGET_SERVICE.member(team.budget(), removed.id(), "ADMIN", "EUR");
        expect(call(HttpMethod.GET, transactions(team.budget()), removed, null), HttpStatus.NOT_FOUND);

        var deleted = UUID.randomUUID();
        var formerOwner = user("former");
        jdbc.sql("INSERT INTO deleted_budget (budget_id, deleted_at) VALUES (:b, now())").param("b", deleted).update();
        BUDGET_SERVICE.member(deleted, formerOwner.id(), "OWNER", "EUR");
        expect(call(HttpMethod.GET, transactions(deleted), formerOwner, null), HttpStatus.NOT_FOUND);

        expect(call(HttpMethod.GET, transactions(team.budget()), team.viewer(), null), HttpStatus.OK);
        assertThat(BUDGET_SERVICE.requestsFor(team.budget())).isEmpty();
        assertThat(BUDGET_SERVICE.requestsFor(deleted)).isEmpty();
    }

    @Test
    void aFailingBudgetServiceIsA503ThatChangesNothingAndAnOpenBreakerStopsAsking() {
        var owner = user("owner");
        var budget = UUID.randomUUID();
        BUDGET_SERVICE.member(budget, owner.id(), "OWNER", "EUR");
        BUDGET_SERVICE.mode(StubBudgetService.Mode.FAIL);
        var breaker = breakers.getCircuitBreakerRegistry().circuitBreaker(BudgetServiceClient.BREAKER);
        try {
            var problem = expect(call(HttpMethod.POST, transactions(budget), owner, TX), HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(problem.get("type").asString()).endsWith("/budget-service-unavailable");
            assertThat(rows("ledger_transaction", budget)).isZero();

            for (int i = 0; i < 12; i++) {
                expect(call(HttpMethod.GET, transactions(budget), owner, null), HttpStatus.SERVICE_UNAVAILABLE);
            }
            var asked = BUDGET_SERVICE.requestsFor(budget).size();
            expect(call(HttpMethod.GET, transactions(budget), owner, null), HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(BUDGET_SERVICE.requestsFor(budget)).hasSize(asked);
        } finally {
            BUDGET_SERVICE.mode(StubBudgetService.Mode.ANSWER);
            breaker.reset();
        }
        expect(call(HttpMethod.GET, transactions(budget), owner, null), HttpStatus.OK);
    }
}
