package dev.kitty.transaction.summary;

import static dev.kitty.transaction.ledger.TransactionType.EXPENSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.identity.events.UserRegistered;
import dev.kitty.platform.test.EventsOnKafka;
import dev.kitty.user.events.ProfileUpdated;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The summaries' consumers through the real topics, once per flow: a member's name reaches byMember, a deleted budget's rollups go. */
class SummaryConsumersIT extends SummaryTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JsonMapper json;

    @Test
    void namesTheMemberFromTheirRegistrationThenTheirNewerProfile() {
        var events = new EventsOnKafka(kafka, json);
        var ann = UUID.randomUUID();
        var budget = ledger.budget("EUR", ann, "OWNER");
        ledger.record(budget, EXPENSE, "3.00", LocalDate.of(2026, 1, 2), null, ann);
        var uri = "/api/budgets/" + budget + "/summary?from=2026-01-01";

        events.send(IdentityEvents.USER_REGISTERED, new UserRegistered(ann, ann + "@kitty.test", "Ann", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(uri, ann)).bodyJson().extractingPath("$.byMember[0].displayName").isEqualTo("Ann"));

        events.send(UserEvents.PROFILE_UPDATED, new ProfileUpdated(ann, ann + "@kitty.test", "Ann Berg", 1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(uri, ann)).bodyJson().extractingPath("$.byMember[0].displayName").isEqualTo("Ann Berg"));
    }

    @Test
    void deletesTheRollupsOfADeletedBudget() {
        var events = new EventsOnKafka(kafka, json);
        var ann = UUID.randomUUID();
        var budget = ledger.budget("EUR", ann, "OWNER");
        ledger.record(budget, EXPENSE, "3.00", LocalDate.of(2026, 1, 2), null, ann);

        events.send(BudgetEvents.BUDGET_DELETED, new BudgetDeleted(budget, "Household", ann, List.of(ann), Instant.now()));

        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM monthly_rollup WHERE budget_id = :b").param("b", budget)
                .query(Long.class).single() == 0);
    }
}
