package dev.kitty.transaction.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.transaction.RunningTransactionService;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** What the ledger tells others (transaction events through the outbox, domain events inside the transaction) and how it follows others' events. */
class LedgerEventsIT extends RunningTransactionService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void publishesRecordedChangedAndDeletedWithGrowingVersionsKeyedByBudget() {
        var team = team();
        var food = category(team.budget(), team.admin(), "Food", "EXPENSE");
        var id = record(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "12.5", "occurredOn": "2026-03-14", "categoryId": "%s", "description": "Market"}
                """.formatted(food)).get("id").asString();
        var path = transactions(team.budget()) + "/" + id;
        expect(call(HttpMethod.PUT, path, team.admin(), "{\"type\": \"EXPENSE\", \"amount\": \"13\", \"occurredOn\": \"2026-03-15\"}"), HttpStatus.OK);
        expect(call(HttpMethod.DELETE, path, team.member(), null), HttpStatus.NO_CONTENT);

        var envelopes = transactionEvents(team.budget(), e -> e.get("type").asString().equals("kitty.transaction.deleted.v1"));
        var recorded = only(envelopes, "kitty.transaction.recorded.v1");
        assertThat(recorded.get("transactionId").asString()).isEqualTo(id);
        assertThat(recorded.get("amount").asString()).isEqualTo("12.50");
        assertThat(recorded.get("currency").asString()).isEqualTo("EUR");
        assertThat(recorded.get("categoryId").asString()).isEqualTo(food.toString());
        assertThat(recorded.get("description").asString()).isEqualTo("Market");
        assertThat(recorded.get("createdBy").asString()).isEqualTo(team.member().id().toString());
        assertThat(recorded.get("version").asLong()).isEqualTo(1);
        var changed = only(envelopes, "kitty.transaction.changed.v1");
        assertThat(changed.get("amount").asString()).isEqualTo("13.00");
        assertThat(changed.get("updatedBy").asString()).isEqualTo(team.admin().id().toString());
        assertThat(changed.get("version").asLong()).isEqualTo(2);
        assertThat(changed.path("categoryId").isMissingNode() || changed.get("categoryId").isNull()).as("uncategorised").isTrue();
        var deleted = only(envelopes, "kitty.transaction.deleted.v1");
        assertThat(deleted.get("deletedBy").asString()).isEqualTo(team.member().id().toString());

        var written = domainEvents.of(TransactionWritten.class).stream()
                .filter(w -> w.budgetId().equals(team.budget())).toList();
        assertThat(written).hasSize(3);
        assertThat(written.get(0).before()).isNull();
        assertThat(written.get(0).after().categoryId()).isEqualTo(food);
        assertThat(written.get(1).before().amount()).isEqualByComparingTo("12.5");
        assertThat(written.get(1).after().amount()).isEqualByComparingTo("13");
        assertThat(written.get(2).after()).isNull();
    }

    @Test
    void aDeletedBudgetTakesItsTransactionsCategoriesAndKeysAlongAndDuplicatesChangeNothing() {
        var team = team();
        var other = team();
        category(team.budget(), team.admin(), "Food", "EXPENSE");
        for (int i = 1; i <= 3; i++) {
            expect(call(HttpMethod.POST, transactions(team.budget()), team.member(),
                    "{\"type\": \"EXPENSE\", \"amount\": \"" + i + "\", \"occurredOn\": \"2026-01-01\"}", "Idempotency-Key", "k" + i),
                    HttpStatus.CREATED);
        }
        record(other.budget(), other.member(), "{\"type\": \"EXPENSE\", \"amount\": \"1\", \"occurredOn\": \"2026-01-01\"}");
        var event = new BudgetDeleted(team.budget(), "Household", team.owner().id(), List.of(team.owner().id()), Instant.now());

        var id = onKafka.send(BudgetEvents.BUDGET_DELETED, event);
        await().atMost(PATIENCE).until(() -> rows("ledger_transaction", team.budget()) == 0);
        assertThat(rows("category", team.budget())).isZero();
        assertThat(rows("idempotency_record", team.budget())).isZero();
        onKafka.send(BudgetEvents.BUDGET_DELETED, event, id, team.budget().toString());
        onKafka.send(BudgetEvents.BUDGET_DELETED, event);
        // a BudgetDeleted of a budget never seen here is a no-op too
        onKafka.send(BudgetEvents.BUDGET_DELETED, new BudgetDeleted(UUID.randomUUID(), "Unknown", null, List.of(), Instant.now()));

        var marker = UUID.randomUUID();
        onKafka.send(BudgetEvents.BUDGET_DELETED, new BudgetDeleted(marker, "Marker", null, List.of(), Instant.now()),
                UUID.randomUUID().toString(), team.budget().toString());
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM deleted_budget WHERE budget_id = :b").param("b", marker)
                .query(Long.class).single() == 1);
        assertThat(rows("ledger_transaction", other.budget())).isEqualTo(1);
        expect(call(HttpMethod.GET, transactions(team.budget()), team.owner(), null), HttpStatus.NOT_FOUND);
    }

    @Test
    void aDeletedAccountLeavesItsTransactionsAsAFormerMembersAndTellsTheRollups() {
        var team = team();
        var leaving = team.member();
        var mine = record(team.budget(), leaving, "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"2026-01-01\"}");
        var changedByMe = record(team.budget(), team.admin(), "{\"type\": \"INCOME\", \"amount\": \"9\", \"occurredOn\": \"2026-01-02\"}");
        expect(call(HttpMethod.PUT, transactions(team.budget()) + "/" + mine.get("id").asString(), leaving,
                "{\"type\": \"EXPENSE\", \"amount\": \"6\", \"occurredOn\": \"2026-01-01\"}"), HttpStatus.OK);
        expect(call(HttpMethod.POST, transactions(team.budget()), leaving,
                "{\"type\": \"EXPENSE\", \"amount\": \"1\", \"occurredOn\": \"2026-01-01\"}", "Idempotency-Key", "mine"), HttpStatus.CREATED);
        jdbc.sql("UPDATE ledger_transaction SET updated_by = :u WHERE id = :id").param("u", leaving.id())
                .param("id", UUID.fromString(changedByMe.get("id").asString())).update();

        var event = new UserDeleted(leaving.id(), Instant.now());
        var eventId = onKafka.send(UserEvents.USER_DELETED, event);
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE created_by = :u OR updated_by = :u")
                .param("u", leaving.id()).query(Long.class).single() == 0);
        onKafka.send(UserEvents.USER_DELETED, event, eventId, leaving.id().toString());

        var all = expect(call(HttpMethod.GET, transactions(team.budget()), team.owner(), null), HttpStatus.OK).get("content");
        assertThat(all).hasSize(3);
        var former = byId(all, mine.get("id").asString());
        assertThat(former.get("createdBy").isNull()).isTrue();
        assertThat(former.get("updatedBy").isNull()).isTrue();
        assertThat(former.get("amount").asString()).isEqualTo("6.00");
        var admins = byId(all, changedByMe.get("id").asString());
        assertThat(admins.get("createdBy").asString()).isEqualTo(team.admin().id().toString());
        assertThat(admins.get("updatedBy").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record WHERE user_id = :u").param("u", leaving.id()).query(Long.class).single()).isZero();

        var dropped = domainEvents.of(TransactionWritten.class).stream()
                .filter(w -> w.budgetId().equals(team.budget()) && w.before() != null && w.after() != null
                        && leaving.id().equals(w.before().memberId()) && w.after().memberId() == null)
                .toList();
        assertThat(dropped).hasSize(2);
        // only an admin may change a former member's transaction now
        expect(call(HttpMethod.DELETE, transactions(team.budget()) + "/" + mine.get("id").asString(), team.viewer(), null), HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.DELETE, transactions(team.budget()) + "/" + mine.get("id").asString(), team.admin(), null), HttpStatus.NO_CONTENT);
    }

    private static JsonNode only(List<JsonNode> envelopes, String type) {
        var data = envelopes.stream().filter(e -> e.get("type").asString().equals(type)).map(e -> e.get("data")).toList();
        assertThat(data).as(type).hasSize(1);
        return data.getFirst();
    }

    private static JsonNode byId(JsonNode content, String id) {
        for (var node : content) {
            if (node.get("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no transaction " + id);
    }
}
