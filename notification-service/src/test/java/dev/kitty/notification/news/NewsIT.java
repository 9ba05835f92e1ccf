package dev.kitty.notification.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.budget.events.InviteCreated;
import dev.kitty.budget.events.MemberAdded;
import dev.kitty.budget.events.MemberRemoved;
import dev.kitty.budget.events.MemberRoleChanged;
import dev.kitty.budget.events.OwnershipTransferred;
import dev.kitty.identity.events.AccountSecurityChanged;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.identity.events.UserRegistered;
import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.EmbeddedMailServer;
import dev.kitty.notification.Mailbox;
import dev.kitty.platform.messaging.DeadLetters;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.EventsOnKafka;
import dev.kitty.platform.test.TopicRecords;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is told what, in which language, as mail and in the app. Each flow goes once through the
 * real topics and the real mail server; the rules are checked by calling the listeners directly
 * and looking at what they wrote (notifications, outbox).
 */
@SpringBootTest
@AutoConfigureMockMvc // the same context as the other ITs: one consumer in the group, one start-up
@EmbeddedInfrastructure
class NewsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    BudgetNews budgetNews;

    @Autowired
    SecurityNotices securityNotices;

    EventsOnKafka events;

    final UUID budget = UUID.randomUUID();

    record Person(UUID id, String email, String name) {
    }

    @BeforeEach
    void events() {
        events = new EventsOnKafka(kafka, json);
    }

    // ---- flows through Kafka and SMTP

    @Test
    void anInvitationToAnAddressWithoutAnAccountIsMailedInEnglishAndEscapesWhatPeopleTyped() {
        var address = "newcomer." + UUID.randomUUID() + "@example.com";
        var invitation = new InviteCreated(UUID.randomUUID(), budget, "<script>alert(1)</script>", address, "VIEWER", UUID.randomUUID(),
                "Ann <b>", Instant.parse("2026-12-24T18:00:00Z"));

        events.send(BudgetEvents.INVITE_CREATED, invitation);

        var mail = awaitMailsTo(address, 1).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo("Ann <b> invited you to the budget “<script>alert(1)</script>” on Kitty");
        assertThat(Mailbox.text(mail)).contains("Ann <b> invited you to join the budget “<script>alert(1)</script>” on Kitty as viewer.",
                "Dec 24, 2026", "http://localhost:8080/login", "POST /api/invitations/" + invitation.invitationId() + "/accept",
                "register at http://localhost:8080/register?email=" + address.replace("@", "%40") + " with exactly this address");
        assertThat(Mailbox.html(mail)).doesNotContain("<script>", "<b>").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Ann &lt;b&gt;");
    }

    @Test
    void anInvitationToAKnownAddressIsInTheInviteesLanguageAndInTheirApp() {
        var bob = person("de-DE", true);

        events.send(BudgetEvents.INVITE_CREATED, new InviteCreated(UUID.randomUUID(), budget, "Haushalt", bob.email().toUpperCase(), "ADMIN",
                UUID.randomUUID(), "Ann", Instant.now().plus(7, ChronoUnit.DAYS)));

        var mail = awaitMailsTo(bob.email(), 1).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo("Ann hat Sie zum Budget „Haushalt“ auf Kitty eingeladen");
        assertThat(Mailbox.text(mail)).startsWith("Hallo,").contains("als Administrator beizutreten");
        assertThat(notifications(bob)).containsExactly(
                "INVITATION|Einladung zu „Haushalt“|Ann hat Sie eingeladen, dem Budget „Haushalt“ als Administrator beizutreten. "
                        + "Öffnen Sie Ihre Einladungen, um sie anzunehmen.|" + budget);
    }

    @Test
    void theInviterHearsThatTheInviteeJoined() {
        var ann = person("en", true);
        var bob = person("en", true);

        events.send(BudgetEvents.MEMBER_ADDED, new MemberAdded(budget, "Household", bob.id(), "MEMBER", ann.id(), Instant.now(), 2));

        var mail = awaitMailsTo(ann.email(), 1).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo(bob.name() + " joined “Household”");
        assertThat(Mailbox.text(mail)).contains(bob.name() + " accepted your invitation and is now a member of the budget “Household”.");
        assertThat(notifications(bob)).isEmpty();
    }

    @Test
    void aSecurityNoticeIsMailedToTheEventsAddressWhateverTheSettingsSay() {
        var ann = person("en", false);
        var then = "ann.then." + UUID.randomUUID() + "@example.com";

        events.send(IdentityEvents.ACCOUNT_SECURITY_CHANGED, new AccountSecurityChanged(ann.id(), then,
                AccountSecurityChanged.CHANGE_PERSONAL_ACCESS_TOKEN_CREATED, "ci-bot", Instant.parse("2026-11-30T08:00:00Z")));

        var mail = awaitMailsTo(then, 1).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo("A personal access token was created");
        assertThat(Mailbox.text(mail)).contains("named “ci-bot”", "Nov 30, 2026", "reset your password at once",
                "http://localhost:8080/forgot-password");
        assertThat(notifications(ann)).singleElement().asString().startsWith("SECURITY_NOTICE|A personal access token was created|");
    }

    @Test
    void aDeletedBudgetIsAnnouncedToItsFormerMembersButTheDeleterAndTheNewsOutlivesTheBudgetsErasure() {
        var ann = person("en", true);
        var bob = person("de", true);
        jdbc.sql("INSERT INTO notification (id, user_id, type, title, body, budget_id, created_at) VALUES (?, ?, 'X', 't', 'b', ?, now())")
                .params(UUID.randomUUID(), bob.id(), budget).update();

        events.send(BudgetEvents.BUDGET_DELETED, new BudgetDeleted(budget, "Haushalt", ann.id(), List.of(ann.id(), bob.id()), Instant.now()));

        var mail = awaitMailsTo(bob.email(), 1).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo("„Haushalt“ wurde gelöscht");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(bob)).containsExactly(
                "BUDGET_DELETED|„Haushalt“ wurde gelöscht|" + ann.name() + " hat das Budget „Haushalt“ mit allem, was dazugehört, gelöscht.|null"));
        assertThat(notifications(ann)).isEmpty();
        assertThat(outbox(ann)).isEmpty();
    }

    @Test
    void ownershipAndRemovalNewsArriveAsMail() {
        var ann = person("en", true);
        var bob = person("de", true);
        var carol = person("en", true);

        events.send(BudgetEvents.OWNERSHIP_TRANSFERRED,
                new OwnershipTransferred(budget, "Household", ann.id(), bob.id(), OwnershipTransferred.REASON_TRANSFERRED, Instant.now()));
        events.send(BudgetEvents.MEMBER_REMOVED, new MemberRemoved(budget, "Household", carol.id(), MemberRemoved.REASON_REMOVED, bob.id(), 9));

        assertThat(Mailbox.subject(awaitMailsTo(bob.email(), 1).getFirst())).isEqualTo("„Household“ gehört jetzt Ihnen");
        assertThat(Mailbox.subject(awaitMailsTo(ann.email(), 1).getFirst())).isEqualTo("You handed “Household” over");
        var removal = awaitMailsTo(carol.email(), 1).getFirst();
        assertThat(Mailbox.subject(removal)).isEqualTo("You were removed from “Household”");
        assertThat(Mailbox.text(removal)).contains(bob.name() + " removed you from the budget “Household”");
    }

    @Test
    void theSameEventDeliveredTwiceMailsOnce() {
        var address = "twice." + UUID.randomUUID() + "@example.com";
        var invitation = new InviteCreated(UUID.randomUUID(), budget, "Household", address, "MEMBER", UUID.randomUUID(), "Ann",
                Instant.now().plus(7, ChronoUnit.DAYS));
        var eventId = UUID.randomUUID().toString();
        events.send(BudgetEvents.INVITE_CREATED, invitation, eventId, budget.toString());
        events.send(BudgetEvents.INVITE_CREATED, invitation, eventId, budget.toString());
        var marker = "marker." + UUID.randomUUID() + "@example.com";
        events.send(BudgetEvents.INVITE_CREATED, new InviteCreated(UUID.randomUUID(), budget, "Household", marker, "MEMBER", UUID.randomUUID(),
                "Ann", Instant.now().plus(7, ChronoUnit.DAYS)));

        awaitMailsTo(marker, 1);
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE event_id = ? AND status = 'SENT'")
                .param(eventId).query(Long.class).single() == 1);
        assertThat(Mailbox.to(mailServer::receivedMessages, address)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE event_id = ?").param(eventId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAndTheNextOneIsStillHandled() {
        var badKey = budget.toString();
        kafka.send(new ProducerRecord<>(BudgetEvents.TOPIC, badKey, "{\"specversion\": \"1.0\", this is not JSON".getBytes(StandardCharsets.UTF_8)))
                .join();
        var address = "after.poison." + UUID.randomUUID() + "@example.com";
        events.send(BudgetEvents.INVITE_CREATED, new InviteCreated(UUID.randomUUID(), budget, "Household", address, "MEMBER", UUID.randomUUID(),
                "Ann", Instant.now().plus(7, ChronoUnit.DAYS)));

        awaitMailsTo(address, 1);
        var dead = TopicRecords.await(broker.bootstrapServers(), DeadLetters.topicFor(BudgetEvents.TOPIC, "notification-service"),
                r -> badKey.equals(r.key()), PATIENCE);
        assertThat(dead).anySatisfy(r -> assertThat(r.value()).contains("this is not JSON"));
    }

    @Test
    void aMailForAUserWhoseAddressIsNotKnownYetWaitsForItAndTheInAppNotificationDoesNot() {
        var carol = UUID.randomUUID();
        var address = "carol." + carol + "@example.com";

        events.send(BudgetEvents.MEMBER_ROLE_CHANGED, new MemberRoleChanged(budget, "Household", carol, "ADMIN", UUID.randomUUID(), 3));
        await().atMost(PATIENCE).until(() -> outbox(carol).size() == 1);
        assertThat(outbox(carol)).containsExactly("ROLE_CHANGED|null");
        assertThat(notifications(carol)).containsExactly("ROLE_CHANGED|Your role in “Household” changed|"
                + "Your role in the budget “Household” is now admin.|" + budget);

        events.send(IdentityEvents.USER_REGISTERED, new UserRegistered(carol, address, "Carol", Instant.now()));

        var mail = awaitMailsTo(address, 1).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo("Your role in “Household” changed");
        await().atMost(PATIENCE).until(() -> outbox(carol).equals(List.of("ROLE_CHANGED|" + address)));
    }

    // ---- rules, listeners called directly

    @ParameterizedTest(name = "{0}: told {1}")
    @CsvSource({"REMOVED, true", "LEFT, false", "ACCOUNT_DELETED, false", "SOMETHING_NEW, false"})
    void aMemberIsToldOnlyWhenSomebodyRemovedThem(String reason, boolean told) {
        var bob = person("en", true);
        var ann = person("en", true);

        budgetNews.on(new MemberRemoved(budget, "Household", bob.id(), reason, "REMOVED".equals(reason) ? ann.id() : null, 5), metadata());

        if (told) {
            assertThat(notifications(bob)).containsExactly("MEMBER_REMOVED|You were removed from “Household”|" + ann.name()
                    + " removed you from the budget “Household”: you can no longer see it.|null");
            assertThat(outbox(bob)).containsExactly("MEMBER_REMOVED|" + bob.email() + "");
        } else {
            assertThat(notifications(bob)).isEmpty();
            assertThat(outbox(bob)).isEmpty();
        }
    }

    @Test
    void ownershipHandedOverTellsBothAndInheritedOwnershipTellsTheNewOwner() {
        var ann = person("en", true);
        var bob = person("de", true);

        budgetNews.on(new OwnershipTransferred(budget, "Household", ann.id(), bob.id(), OwnershipTransferred.REASON_TRANSFERRED, Instant.now()),
                metadata());

        assertThat(notifications(bob)).containsExactly("OWNERSHIP_TRANSFERRED|„Household“ gehört jetzt Ihnen|" + ann.name()
                + " hat Ihnen das Budget „Household“ übergeben: Sie sind jetzt sein Eigentümer.|" + budget);
        assertThat(notifications(ann)).containsExactly("OWNERSHIP_TRANSFERRED|You handed “Household” over|" + bob.name()
                + " is now the owner of the budget “Household”.|" + budget);

        var carol = person("en", true);
        var gone = UUID.randomUUID();
        budgetNews.on(new OwnershipTransferred(budget, "Household", gone, carol.id(), OwnershipTransferred.REASON_PREVIOUS_OWNER_DELETED,
                Instant.now()), metadata());
        assertThat(notifications(carol)).containsExactly("OWNERSHIP_TRANSFERRED|You now own “Household”|"
                + "The account of the owner of the budget “Household” was deleted: you are its owner now.|" + budget);
        assertThat(outbox(carol)).hasSize(1);
    }

    @Test
    void aRoleChangeIsToldUnlessTheMemberMadeItOrItMadeThemOwner() {
        var bob = person("de", true);

        budgetNews.on(new MemberRoleChanged(budget, "Haushalt", bob.id(), "VIEWER", UUID.randomUUID(), 4), metadata());
        budgetNews.on(new MemberRoleChanged(budget, "Haushalt", bob.id(), "ADMIN", bob.id(), 5), metadata());
        budgetNews.on(new MemberRoleChanged(budget, "Haushalt", bob.id(), "OWNER", UUID.randomUUID(), 6), metadata());
        budgetNews.on(new MemberRoleChanged(budget, "Haushalt", bob.id(), "TREASURER", null, 7), metadata());

        assertThat(notifications(bob)).containsExactlyInAnyOrder(
                "ROLE_CHANGED|Ihre Rolle in „Haushalt“ hat sich geändert|Ihre Rolle im Budget „Haushalt“ ist jetzt Betrachter.|" + budget,
                "ROLE_CHANGED|Ihre Rolle in „Haushalt“ hat sich geändert|Ihre Rolle im Budget „Haushalt“ ist jetzt TREASURER.|" + budget);
    }

    @Test
    void aUserWhoTurnedInvitationMailsOffStillGetsTheNewsInTheAppButNoMail() {
        var bob = person("en", false);
        var ann = person("en", true);

        budgetNews.on(new MemberAdded(budget, "Household", ann.id(), "MEMBER", bob.id(), Instant.now(), 2), metadata());
        budgetNews.on(new InviteCreated(UUID.randomUUID(), UUID.randomUUID(), "Other", bob.email(), "MEMBER", ann.id(), "Ann",
                Instant.now().plus(7, ChronoUnit.DAYS)), metadata());
        securityNotices.on(new AccountSecurityChanged(bob.id(), bob.email(), AccountSecurityChanged.CHANGE_PASSWORD_CHANGED, null,
                Instant.now()), metadata());

        assertThat(notifications(bob)).extracting(n -> n.substring(0, n.indexOf('|')))
                .containsExactlyInAnyOrder("MEMBER_JOINED", "INVITATION", "SECURITY_NOTICE");
        assertThat(outbox(bob)).containsExactly("SECURITY_NOTICE|" + bob.email() + "");
    }

    @Test
    void aDeletedUserIsToldNothingAnyMore() {
        var bob = person("en", true);
        jdbc.sql("INSERT INTO deleted_user (user_id, deleted_at) VALUES (?, now())").param(bob.id()).update();

        budgetNews.on(new MemberRoleChanged(budget, "Household", bob.id(), "ADMIN", UUID.randomUUID(), 4), metadata());
        budgetNews.on(new BudgetDeleted(budget, "Household", UUID.randomUUID(), List.of(bob.id()), Instant.now()), metadata());
        securityNotices.on(new AccountSecurityChanged(bob.id(), bob.email(), AccountSecurityChanged.CHANGE_ACCOUNT_LOCKED, null, Instant.now()),
                metadata());

        assertThat(notifications(bob)).isEmpty();
        assertThat(outbox(bob)).isEmpty();
    }

    @Test
    void aNameCannotAddAHeaderToTheMail() {
        var bob = person("en", true);

        budgetNews.on(new MemberRoleChanged(budget, "Evil\r\nBcc: mallory@example.com", bob.id(), "ADMIN", UUID.randomUUID(), 4), metadata());

        var mail = awaitMailsTo(bob.email(), 1).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo("Your role in “Evil  Bcc: mallory@example.com” changed");
        assertThat(Mailbox.to(mailServer::receivedMessages, "mallory@example.com")).isEmpty();
    }

    @Test
    void aMemberAddedWithoutAnInviterTellsNobody() {
        var bob = person("en", true);

        budgetNews.on(new MemberAdded(budget, "Household", bob.id(), "OWNER", null, Instant.now(), 1), metadata());

        assertThat(notifications(bob)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE budget_id = ?").param(budget).query(Long.class).single()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PASSWORD_CHANGED              | Your password was changed
            PASSWORD_RESET                | Your password was reset
            TWO_FACTOR_ENABLED            | Two-factor authentication is on
            TWO_FACTOR_DISABLED           | Two-factor authentication is off
            PERSONAL_ACCESS_TOKEN_CREATED | A personal access token was created
            ACCOUNT_LOCKED                | Your account was locked
            PASSKEY_ADDED                 | Your account’s security changed
            """)
    void everySecurityChangeHasItsNoticeAndUnknownOnesAGenericOne(String change, String title) {
        var ann = person(null, false);

        securityNotices.on(new AccountSecurityChanged(ann.id(), ann.email(), change, null, Instant.now()), metadata());

        assertThat(notifications(ann)).singleElement().asString().startsWith("SECURITY_NOTICE|" + title + "|");
        assertThat(outbox(ann)).containsExactly("SECURITY_NOTICE|" + ann.email() + "");
    }

    // ---- helpers

    /** A user this service knows: address and name (recipient), language and mail choices (settings). */
    private Person person(@Nullable String locale, boolean invitationMails) {
        var id = UUID.randomUUID();
        var person = new Person(id, "user." + id + "@example.com", "User " + id.toString().substring(0, 8));
        jdbc.sql("INSERT INTO recipient (user_id, email, display_name, version, updated_at) VALUES (?, ?, ?, 1, now())")
                .params(id, person.email(), person.name()).update();
        jdbc.sql("""
                INSERT INTO notification_settings (user_id, locale, time_zone, invitations, budget_alerts, goal_reached, monthly_summary,
                                                   updated_at, version)
                VALUES (?, ?, 'Europe/Berlin', ?, FALSE, FALSE, FALSE, now(), 1)
                """).params(id, locale, invitationMails).update();
        return person;
    }

    private static EventMetadata metadata() {
        return new EventMetadata(UUID.randomUUID().toString(), "kitty.test.v1", "/kitty/test", "subject", Instant.now());
    }

    private List<String> notifications(Person person) {
        return notifications(person.id());
    }

    private List<String> notifications(UUID userId) {
        return jdbc.sql("SELECT type || '|' || title || '|' || body || '|' || coalesce(budget_id::text, 'null') FROM notification WHERE user_id = ?")
                .param(userId).query(String.class).list();
    }

    private List<String> outbox(Person person) {
        return outbox(person.id());
    }

    private List<String> outbox(UUID userId) {
        // no status: the sender may have sent it already
        return jdbc.sql("SELECT template || '|' || coalesce(recipient, 'null') FROM mail_outbox WHERE user_id = ?")
                .param(userId).query(String.class).list();
    }

    private List<MimeMessage> awaitMailsTo(String recipient, int count) {
        return await().atMost(PATIENCE).until(() -> Mailbox.to(mailServer::receivedMessages, recipient), mails -> mails.size() >= count);
    }
}
