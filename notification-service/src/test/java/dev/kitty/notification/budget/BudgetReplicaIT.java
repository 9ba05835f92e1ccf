package dev.kitty.notification.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.events.BudgetCreated;
import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.budget.events.MemberAdded;
import dev.kitty.budget.events.MemberRemoved;
import dev.kitty.budget.events.MemberRoleChanged;
import dev.kitty.budget.events.OwnershipTransferred;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.EventsOnKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The budget replica (names and current members) follows budget events in any order (ADR 9): every permutation of a
 * short history gives the same result, a replay changes nothing, and a deleted budget never comes back.
 */
@SpringBootTest
@AutoConfigureMockMvc // the same context as the other ITs: one consumer in the group, one start-up
@EmbeddedInfrastructure
class BudgetReplicaIT {

    @Autowired
    BudgetReplication replication;

    @Autowired
    BudgetReplica replica;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JsonMapper json;

    /** A history of one budget: created by ann, bob added as admin, renamed on the way, bob made viewer, carol added then removed. */
    static Stream<Arguments> everyOrderOfAHistory() {
        var budget = UUID.randomUUID();
        var ann = UUID.randomUUID();
        var bob = UUID.randomUUID();
        var carol = UUID.randomUUID();
        List<Object> history = List.of(
                new BudgetCreated(budget, ann, "Home", "EUR", "Europe/Berlin", Instant.now()),
                new MemberAdded(budget, "Home", bob, "ADMIN", ann, Instant.now(), 1),
                new MemberRoleChanged(budget, "Household", bob, "VIEWER", ann, 2),
                new MemberAdded(budget, "Household", carol, "MEMBER", ann, Instant.now(), 3),
                new MemberRemoved(budget, "Household", carol, MemberRemoved.REASON_LEFT, null, 4));
        return permutations(history).stream().map(order -> Arguments.of(budget, ann, bob, order));
    }

    @ParameterizedTest(name = "order {index}")
    @MethodSource
    void everyOrderOfAHistory(UUID budget, UUID ann, UUID bob, List<Object> order) {
        var unique = UUID.randomUUID();
        var renamed = order.stream().map(event -> rebudget(event, budget, unique)).toList();
        renamed.forEach(this::apply);
        // and once more: a replay changes nothing
        renamed.forEach(this::apply);

        assertThat(replica.members(unique)).containsExactlyInAnyOrder(new BudgetReplica.Member(ann, "OWNER"), new BudgetReplica.Member(bob, "VIEWER"));
        assertThat(replica.name(unique)).contains("Household");
    }

    @Test
    void aDeletedBudgetLeavesATombstoneThatKeepsLateEventsOut() {
        var budget = UUID.randomUUID();
        var ann = UUID.randomUUID();
        replication.on(new BudgetCreated(budget, ann, "Home", "EUR", "UTC", Instant.now()));
        replication.on(new BudgetDeleted(budget, "Home", ann, List.of(ann), Instant.now()));
        replication.on(new MemberAdded(budget, "Home", UUID.randomUUID(), "MEMBER", ann, Instant.now(), 7));
        replication.on(new BudgetCreated(budget, ann, "Home", "EUR", "UTC", Instant.now()));
        replication.on(new OwnershipTransferred(budget, "Home", ann, UUID.randomUUID(), OwnershipTransferred.REASON_TRANSFERRED, Instant.now()));

        assertThat(replica.members(budget)).isEmpty();
        assertThat(replica.name(budget)).isEmpty();
        assertThat(replica.isDeleted(budget)).isTrue();
    }

    @Test
    void ownershipTransferredOnlyNamesABudgetNotKnownYet() {
        var budget = UUID.randomUUID();
        replication.on(new OwnershipTransferred(budget, "Old name", UUID.randomUUID(), UUID.randomUUID(), OwnershipTransferred.REASON_TRANSFERRED,
                Instant.now()));
        assertThat(replica.name(budget)).contains("Old name");
        replication.on(new MemberRoleChanged(budget, "New name", UUID.randomUUID(), "OWNER", null, 5));
        replication.on(new OwnershipTransferred(budget, "Old name", UUID.randomUUID(), UUID.randomUUID(), OwnershipTransferred.REASON_TRANSFERRED,
                Instant.now()));
        assertThat(replica.name(budget)).contains("New name");
    }

    @Test
    void followsBudgetEventsFromKafka() {
        var events = new EventsOnKafka(kafka, json);
        var budget = UUID.randomUUID();
        var ann = UUID.randomUUID();
        var bob = UUID.randomUUID();
        events.send(BudgetEvents.BUDGET_CREATED, new BudgetCreated(budget, ann, "Home", "EUR", "UTC", Instant.now()));
        events.send(BudgetEvents.MEMBER_ADDED, new MemberAdded(budget, "Home", bob, "MEMBER", ann, Instant.now(), 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> replica.members(budget).size() == 2);

        events.send(BudgetEvents.BUDGET_DELETED, new BudgetDeleted(budget, "Home", ann, List.of(ann, bob), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.isDeleted(budget));
        assertThat(replica.members(budget)).isEmpty();
    }

    private void apply(Object event) {
        switch (event) {
            case BudgetCreated e -> replication.on(e);
            case MemberAdded e -> replication.on(e);
            case MemberRoleChanged e -> replication.on(e);
            case MemberRemoved e -> replication.on(e);
            default -> throw new IllegalArgumentException(event.toString());
        }
    }

    /** The same event for another budget id, so that every permutation starts from nothing. */
    private static Object rebudget(Object event, UUID from, UUID to) {
        return switch (event) {
            case BudgetCreated e -> new BudgetCreated(to, e.ownerId(), e.name(), e.currency(), e.timeZone(), e.createdAt());
            case MemberAdded e -> new MemberAdded(to, e.budgetName(), e.userId(), e.role(), e.invitedBy(), e.joinedAt(), e.version());
            case MemberRoleChanged e -> new MemberRoleChanged(to, e.budgetName(), e.userId(), e.role(), e.changedBy(), e.version());
            case MemberRemoved e -> new MemberRemoved(to, e.budgetName(), e.userId(), e.reason(), e.removedBy(), e.version());
            default -> throw new IllegalArgumentException(from + ": " + event);
        };
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        var result = new ArrayList<List<T>>();
        permute(new ArrayList<>(items), 0, result::add);
        return result;
    }

    private static <T> void permute(List<T> items, int from, Consumer<List<T>> sink) {
        if (from == items.size()) {
            sink.accept(List.copyOf(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            Collections.swap(items, from, i);
            permute(items, from + 1, sink);
            Collections.swap(items, from, i);
        }
    }
}
