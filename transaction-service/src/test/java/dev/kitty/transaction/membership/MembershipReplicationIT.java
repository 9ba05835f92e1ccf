package dev.kitty.transaction.membership;

import dev.kitty.platform.test.EventsOnKafka;
import dev.kitty.transaction.RunningTransactionService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.events.BudgetCreated;
import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.budget.events.MemberAdded;
import dev.kitty.budget.events.MemberRemoved;
import dev.kitty.budget.events.MemberRoleChanged;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The membership replica, fed through the real topics and applied by the real consumer; every order is {@link MembershipHistoryIT}'s. */
class MembershipReplicationIT extends RunningTransactionService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MembershipReplica replica;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JsonMapper json;

    EventsOnKafka events;

    final UUID budget = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();
    final UUID member = UUID.randomUUID();

    @BeforeEach
    void events() {
        events = new EventsOnKafka(kafka, json);
    }

    @Test
    void aCreatedBudgetHasItsCurrencyAndItsCreatorAsOwner() {
        createBudget();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(replica.currencyOf(budget)).contains("EUR");
            assertThat(replica.roleOf(budget, owner)).contains(BudgetRole.OWNER);
        });
        assertThat(replica.roleOf(budget, member)).isEmpty();
    }

    @Test
    void followsAMemberFromJoiningThroughARoleChangeToLeaving() {
        createBudget();

        events.send(BudgetEvents.MEMBER_ADDED, new MemberAdded(budget, "Household", member, "MEMBER", null, Instant.now(), 1));
        await().atMost(PATIENCE).until(() -> replica.roleOf(budget, member).equals(Optional.of(BudgetRole.MEMBER)));

        events.send(BudgetEvents.MEMBER_ROLE_CHANGED, new MemberRoleChanged(budget, "Household", member, "ADMIN", null, 2));
        await().atMost(PATIENCE).until(() -> replica.roleOf(budget, member).equals(Optional.of(BudgetRole.ADMIN)));

        events.send(BudgetEvents.MEMBER_REMOVED, new MemberRemoved(budget, "Household", member, MemberRemoved.REASON_REMOVED, null, 3));
        await().atMost(PATIENCE).until(() -> replica.roleOf(budget, member).isEmpty());
        assertThat(replica.roleOf(budget, owner)).contains(BudgetRole.OWNER);
    }

    @Test
    void aMemberAddedReplayedAfterTheRemovalGrantsNothing() {
        createBudget();
        var added = events.send(BudgetEvents.MEMBER_ADDED, new MemberAdded(budget, "Household", member, "ADMIN", null, Instant.now(), 1));
        events.send(BudgetEvents.MEMBER_REMOVED, new MemberRemoved(budget, "Household", member, MemberRemoved.REASON_REMOVED, null, 2));
        await().atMost(PATIENCE).until(() -> storedVersion(member).equals(Optional.of(2L)));

        // the same event again, as an outbox resubmission sends it, then under a new id, as a replay from a dead-letter topic
        events.send(BudgetEvents.MEMBER_ADDED, new MemberAdded(budget, "Household", member, "ADMIN", null, Instant.now(), 1), added, budget.toString());
        events.send(BudgetEvents.MEMBER_ADDED, new MemberAdded(budget, "Household", member, "ADMIN", null, Instant.now(), 1));
        var marker = UUID.randomUUID();
        events.send(BudgetEvents.BUDGET_CREATED, new BudgetCreated(marker, owner, "Marker", "CHF", "Europe/Berlin", Instant.now()),
                UUID.randomUUID().toString(), budget.toString());
        await().atMost(PATIENCE).until(() -> replica.currencyOf(marker).isPresent());
        assertThat(replica.roleOf(budget, member)).isEmpty();
    }

    @Test
    void aRoleChangeForAMembershipItNeverHeardOfCreatesIt() {
        events.send(BudgetEvents.MEMBER_ROLE_CHANGED, new MemberRoleChanged(budget, "Household", member, "VIEWER", null, 1));

        await().atMost(PATIENCE).until(() -> replica.roleOf(budget, member).equals(Optional.of(BudgetRole.VIEWER)));
    }

    @Test
    void aBudgetCreatedArrivingAfterNewerFactsOverwritesNone() {
        events.send(BudgetEvents.MEMBER_ROLE_CHANGED, new MemberRoleChanged(budget, "Household", owner, "ADMIN", null, 1));
        createBudget();

        await().atMost(PATIENCE).until(() -> replica.currencyOf(budget).isPresent());
        assertThat(replica.roleOf(budget, owner)).contains(BudgetRole.ADMIN);
    }

    @Test
    void aRoleThisVersionDoesNotKnowGrantsNothing() {
        createBudget();
        events.send(BudgetEvents.MEMBER_ADDED, new MemberAdded(budget, "Household", member, "AUDITOR", null, Instant.now(), 1));

        await().atMost(PATIENCE).until(() -> storedRole(member).equals(Optional.of("AUDITOR")));
        assertThat(replica.roleOf(budget, member)).isEmpty();
    }

    @Test
    void aDeletedBudgetLeavesNothingBehindAndStaysDeleted() {
        createBudget();
        events.send(BudgetEvents.MEMBER_ADDED, new MemberAdded(budget, "Household", member, "MEMBER", null, Instant.now(), 1));
        await().atMost(PATIENCE).until(() -> replica.roleOf(budget, member).isPresent());

        events.send(BudgetEvents.BUDGET_DELETED, new BudgetDeleted(budget, "Household", null, java.util.List.of(), Instant.now()));
        await().atMost(PATIENCE).until(() -> replica.currencyOf(budget).isEmpty());
        assertThat(rowsOf(budget)).isZero();

        // a membership event replayed after the deletion, then a marker behind it on the same partition
        events.send(BudgetEvents.MEMBER_ADDED, new MemberAdded(budget, "Household", member, "ADMIN", null, Instant.now(), 2));
        var marker = UUID.randomUUID();
        events.send(BudgetEvents.BUDGET_CREATED, new BudgetCreated(marker, owner, "Marker", "CHF", "Europe/Berlin", Instant.now()),
                UUID.randomUUID().toString(), budget.toString());
        await().atMost(PATIENCE).until(() -> replica.currencyOf(marker).isPresent());
        assertThat(rowsOf(budget)).isZero();
    }

    @Test
    void aDeletedUserLosesEveryMembershipWhileOthersKeepTheirs() {
        createBudget();
        var otherBudget = UUID.randomUUID();
        events.send(BudgetEvents.BUDGET_CREATED, new BudgetCreated(otherBudget, member, "Other", "USD", "Europe/Berlin", Instant.now()));
        events.send(BudgetEvents.MEMBER_ADDED, new MemberAdded(budget, "Household", member, "VIEWER", null, Instant.now(), 1));
        await().atMost(PATIENCE).until(() -> replica.roleOf(budget, member).isPresent() && replica.roleOf(otherBudget, member).isPresent());

        events.send(UserEvents.USER_DELETED, new UserDeleted(member, Instant.now()));

        await().atMost(PATIENCE).until(() -> replica.roleOf(budget, member).isEmpty() && replica.roleOf(otherBudget, member).isEmpty());
        assertThat(replica.roleOf(budget, owner)).contains(BudgetRole.OWNER);
        assertThat(replica.currencyOf(otherBudget)).contains("USD");
    }

    private void createBudget() {
        events.send(BudgetEvents.BUDGET_CREATED, new BudgetCreated(budget, owner, "Household", "EUR", "Europe/Berlin", Instant.now()));
    }

    private Optional<String> storedRole(UUID user) {
        return jdbc.sql("SELECT role FROM budget_member WHERE budget_id = ? AND user_id = ?").params(budget, user).query(String.class).optional();
    }

    private Optional<Long> storedVersion(UUID user) {
        return jdbc.sql("SELECT version FROM budget_member WHERE budget_id = ? AND user_id = ?").params(budget, user).query(Long.class).optional();
    }

    private long rowsOf(UUID budgetId) {
        return jdbc.sql("SELECT (SELECT count(*) FROM budget_member WHERE budget_id = :id) + (SELECT count(*) FROM budget_ref WHERE budget_id = :id)")
                .param("id", budgetId).query(Long.class).single();
    }
}
