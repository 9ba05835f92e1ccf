package dev.kitty.budget.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.RunningBudgetService;
import dev.kitty.platform.test.TopicRecords;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** UserDeleted, sent on the real topic and applied by the real consumer: what the account leaves behind. */
class AccountDeletionIT extends RunningBudgetService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void theLongestStandingAdminInheritsABudgetWhoseOwnerIsDeleted() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");
        var member = user("member");
        var firstAdmin = user("first-admin");
        var secondAdmin = user("second-admin");
        join(owner, budget, member, "MEMBER");
        clock.advance(Duration.ofMinutes(1));
        join(owner, budget, firstAdmin, "ADMIN");
        clock.advance(Duration.ofMinutes(1));
        join(owner, budget, secondAdmin, "ADMIN");

        deleteAccount(owner);

        await().atMost(PATIENCE).until(() -> "OWNER".equals(roleOf(budget, firstAdmin.id())));
        assertThat(roleOf(budget, owner.id())).isNull();
        assertThat(roleOf(budget, secondAdmin.id())).isEqualTo("ADMIN");
        assertThat(roleOf(budget, member.id())).isEqualTo("MEMBER");
        // created, three invitations and three joins, then the removal, the promotion and the transfer
        var events = budgetEvents(budget, 10);
        var removed = ofType(events, "kitty.budget.member-removed.v1").getFirst();
        assertThat(removed.get("userId").asString()).isEqualTo(owner.id().toString());
        assertThat(removed.get("reason").asString()).isEqualTo("ACCOUNT_DELETED");
        assertThat(removed.get("version").asLong()).isEqualTo(4);
        var promoted = ofType(events, "kitty.budget.member-role-changed.v1").getFirst();
        assertThat(promoted.get("userId").asString()).isEqualTo(firstAdmin.id().toString());
        assertThat(promoted.get("role").asString()).isEqualTo("OWNER");
        assertThat(promoted.get("changedBy").isNull()).isTrue();
        assertThat(promoted.get("version").asLong()).isEqualTo(5);
        var transferred = ofType(events, "kitty.budget.ownership-transferred.v1").getFirst();
        assertThat(transferred.get("previousOwnerId").asString()).isEqualTo(owner.id().toString());
        assertThat(transferred.get("newOwnerId").asString()).isEqualTo(firstAdmin.id().toString());
        assertThat(transferred.get("reason").asString()).isEqualTo("PREVIOUS_OWNER_DELETED");
    }

    @Test
    void theLongestStandingMemberInheritsWhenThereIsNoAdminButNeverAViewer() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");
        var viewer = user("viewer");
        var member = user("member");
        join(owner, budget, viewer, "VIEWER");
        clock.advance(Duration.ofMinutes(1));
        join(owner, budget, member, "MEMBER");

        deleteAccount(owner);

        await().atMost(PATIENCE).until(() -> "OWNER".equals(roleOf(budget, member.id())));
        assertThat(roleOf(budget, viewer.id())).isEqualTo("VIEWER");
        assertThat(roleOf(budget, owner.id())).isNull();
    }

    @Test
    void aBudgetLeftWithViewersOnlyIsDeleted() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");
        var viewer = user("viewer");
        join(owner, budget, viewer, "VIEWER");

        deleteAccount(owner);

        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM budget WHERE id = :b").param("b", budget)
                .query(Integer.class).single() == 0);
        assertThat(roleOf(budget, viewer.id())).isNull();
        var deleted = ofType(budgetEvents(budget, e -> e.get("type").asString().equals("kitty.budget.deleted.v1")),
                "kitty.budget.deleted.v1").getFirst();
        assertThat(deleted.get("deletedBy").isNull()).isTrue();
        assertThat(deleted.get("budgetName").asString()).isEqualTo("Flat");
        assertThat(deleted.get("formerMemberIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(owner.id().toString(), viewer.id().toString());
    }

    @Test
    void removesTheUsersMembershipsAndInvitationsAndAnonymisesTheInvitationsTheySent() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");
        var gone = user("gone");
        knownUser(gone, "Gone", true);
        join(owner, budget, gone, "ADMIN");
        var sentByGone = invite(gone, budget, "friend." + UUID.randomUUID() + "@example.com", "MEMBER");
        var otherBudget = createBudget(owner, "Other");
        var toGone = invite(owner, otherBudget, gone.email(), "VIEWER");

        deleteAccount(gone);

        await().atMost(PATIENCE).until(() -> roleOf(budget, gone.id()) == null);
        assertThat(jdbc.sql("SELECT count(*) FROM invitation WHERE id = :id").param("id", toGone).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT invited_by FROM invitation WHERE id = :id").param("id", sentByGone).query(UUID.class).optional())
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM invitation WHERE invited_by = :u").param("u", gone.id()).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM known_user WHERE user_id = :u").param("u", gone.id()).query(Integer.class).single())
                .isZero();
        assertThat(roleOf(budget, owner.id())).isEqualTo("OWNER");
    }

    @Test
    void aRepeatedOrEarlyDeletionChangesNothingMore() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");
        var admin = user("admin");
        join(owner, budget, admin, "ADMIN");
        var event = new UserDeleted(owner.id(), Instant.now());
        var id = UUID.randomUUID().toString();

        events.send(UserEvents.USER_DELETED, event, id, owner.id().toString());
        events.send(UserEvents.USER_DELETED, event, id, owner.id().toString());
        events.send(UserEvents.USER_DELETED, event);
        // a user deleted before they ever joined anything: a tombstone, nothing else
        var early = user("early");
        events.send(UserEvents.USER_DELETED, new UserDeleted(early.id(), Instant.now()), UUID.randomUUID().toString(), owner.id().toString());
        await().atMost(PATIENCE).until(() -> isDeleted(early));

        assertThat(roleOf(budget, admin.id())).isEqualTo("OWNER");
        assertThat(roleOf(budget, owner.id())).isNull();
        // a deleted account's leftover token joins nothing
        expect(call(HttpMethod.POST, "/api/budgets", early, jsonOf(java.util.Map.of("name", "Late", "currency", "EUR"))),
                HttpStatus.UNAUTHORIZED);
        var invitation = invite(admin, budget, early.email(), "VIEWER");
        expect(call(HttpMethod.POST, "/api/invitations/" + invitation + "/accept", early, null), HttpStatus.NOT_FOUND);
        assertThat(roleOf(budget, early.id())).isNull();
        // created, two invitations, the join; then the removal, the promotion and the transfer once each
        var membershipEvents = budgetEvents(budget, 7).stream().filter(e -> e.get("type").asString().startsWith("kitty.budget.member-"))
                .map(e -> e.get("data").get("version").asLong()).toList();
        assertThat(membershipEvents).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void anUndecodableDeletionGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        var poisonKey = UUID.randomUUID().toString();
        var poison = """
                {"specversion": "1.0", "id": "%s", "source": "/kitty/test", "type": "kitty.user.deleted.v1", "subject": "%s",
                 "time": "2026-01-01T00:00:00Z", "datacontenttype": "application/json", "data": {"userId": "%s"}}
                """.formatted(UUID.randomUUID(), poisonKey, poisonKey);
        kafkaTemplate.send(new ProducerRecord<>(UserEvents.TOPIC, poisonKey, poison.getBytes(java.nio.charset.StandardCharsets.UTF_8))).join();
        var next = user("next");
        events.send(UserEvents.USER_DELETED, new UserDeleted(next.id(), Instant.now()), UUID.randomUUID().toString(), poisonKey);

        await().atMost(PATIENCE).until(() -> isDeleted(next));
        var deadLetters = TopicRecords.await(kafka.bootstrapServers(), UserEvents.TOPIC + ".budget-service.dlt",
                record -> poisonKey.equals(record.key()), PATIENCE);
        assertThat(deadLetters.getLast().value()).contains(poisonKey);
    }

    private void deleteAccount(User user) {
        events.send(UserEvents.USER_DELETED, new UserDeleted(user.id(), Instant.now()));
    }

    private boolean isDeleted(User user) {
        return jdbc.sql("SELECT count(*) FROM deleted_user WHERE user_id = :u").param("u", user.id()).query(Integer.class).single() == 1;
    }

}
