package dev.kitty.notification.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.EmbeddedMailServer;
import dev.kitty.notification.Mailbox;
import dev.kitty.platform.messaging.DeadLetters;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.EventsOnKafka;
import dev.kitty.platform.test.TopicRecords;
import dev.kitty.transaction.events.BudgetAlertRaised;
import dev.kitty.transaction.events.GoalReached;
import dev.kitty.transaction.events.MonthClosed;
import dev.kitty.transaction.events.TransactionEvents;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A budget's money news (alerts, goals reached, the monthly digest with its inline chart) reach its current members:
 * in the app always, by mail as each member's setting says. Each flow goes once through the real topic and mail
 * server; the rules are checked by calling the listeners directly.
 */
@SpringBootTest
@AutoConfigureMockMvc // the same context as the other ITs: one consumer in the group, one start-up
@EmbeddedInfrastructure
class MoneyNewsIT {

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
    MoneyNews moneyNews;

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
    void anAlertIsMailedToTheMembersWhoWantItAndShownInEveryMembersApp() {
        var ann = member("en", true, "OWNER");
        var bob = member("de-DE", true, "VIEWER");
        var carol = member("en", false, "MEMBER");
        var stranger = person("en", true);
        var formerMember = member("en", true, "MEMBER");
        jdbc.sql("UPDATE budget_member SET role = NULL, removed_at = now(), version = 9 WHERE budget_id = ? AND user_id = ?")
                .params(budget, formerMember.id()).update();
        named("Household");

        events.send(TransactionEvents.BUDGET_ALERT_RAISED, overLimit());

        var mail = awaitMailsTo(ann.email(), 1).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo("“Groceries” is over its limit in “Household”");
        assertThat(Mailbox.text(mail)).contains("In the budget “Household”, “Groceries” has spent 1,412.30 EUR in November 2026: "
                + "more than its monthly limit of 400.00 EUR.");
        var german = awaitMailsTo(bob.email(), 1).getFirst();
        assertThat(Mailbox.subject(german)).isEqualTo("„Groceries“ hat das Limit in „Household“ überschritten");
        assertThat(Mailbox.text(german)).contains("1.412,30 EUR", "400,00 EUR", "im November 2026");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(carol)).containsExactly(
                "BUDGET_ALERT|“Groceries” is over its limit in “Household”|In the budget “Household”, “Groceries” has spent 1,412.30 EUR in "
                        + "November 2026: more than its monthly limit of 400.00 EUR.|" + budget));
        assertThat(outbox(carol)).isEmpty();
        assertThat(notifications(stranger)).isEmpty();
        assertThat(outbox(stranger)).isEmpty();
        assertThat(notifications(formerMember)).isEmpty();
        assertThat(outbox(formerMember)).isEmpty();
    }

    @Test
    void theSameAlertDeliveredTwiceMailsEachMemberOnce() {
        var ann = member("en", true, "OWNER");
        var eventId = UUID.randomUUID().toString();
        events.send(TransactionEvents.BUDGET_ALERT_RAISED, overLimit(), eventId, budget.toString());
        events.send(TransactionEvents.BUDGET_ALERT_RAISED, overLimit(), eventId, budget.toString());
        // a marker behind both on the budget's partition
        events.send(TransactionEvents.GOAL_REACHED, goalReached());

        await().atMost(PATIENCE).until(() -> notifications(ann).size() == 2);
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE user_id = ? AND status = 'SENT'")
                .param(ann.id()).query(Long.class).single() == 2);
        assertThat(Mailbox.to(mailServer::receivedMessages, ann.email())).hasSize(2);
        assertThat(notifications(ann)).filteredOn(n -> n.startsWith("BUDGET_ALERT|")).hasSize(1);
    }

    @Test
    void theMonthlyDigestCarriesItsChartAsAnInlinePngThatTheHtmlShows() throws Exception {
        var ann = member("en", true, "OWNER");
        var bob = member("de", false, "MEMBER");
        named("Household");

        events.send(TransactionEvents.MONTH_CLOSED, monthClosed());

        var mail = awaitMailsTo(ann.email(), 1).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo("November 2026 in “Household”");
        assertThat(Mailbox.text(mail)).contains("Income: 3,200.00 EUR", "Expense: 2,450.50 EUR", "Net: 749.50 EUR",
                "- Rent: 1,200.00 EUR", "- Uncategorised: 80.50 EUR", "- Summer holiday: 749.50 EUR (surplus)",
                "- Summer holiday: -20.00 EUR (adjustment for an earlier month)");
        var image = part(mail, "image/png");
        assertThat(image).as("an inline PNG").isNotNull();
        assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(((jakarta.mail.internet.MimeBodyPart) image).getContentID()).isEqualTo("<" + MoneyNews.CHART_ID + ">");
        assertThat(Mailbox.html(mail)).contains("src=\"cid:" + MoneyNews.CHART_ID + "\"");
        assertThat(related(mail)).as("the image is related to the HTML").isTrue();
        var png = bytes(image.getInputStream());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        // for people to look at: the chart as a reader's mail client shows it
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "digest-example.png"), png);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(bob)).containsExactly(
                "MONTHLY_DIGEST|November 2026 in „Household“|Der November 2026 ist im Budget „Household“ abgeschlossen: "
                        + "Einnahmen 3.200,00 EUR, Ausgaben 2.450,50 EUR, Saldo 749,50 EUR.|" + budget));
        assertThat(outbox(bob)).isEmpty();
        // the sent row keeps no content: neither bodies nor the image
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                SELECT count(*) FROM mail_outbox WHERE user_id = ? AND status = 'SENT' AND inline_image IS NULL AND html_body IS NULL
                """).param(ann.id()).query(Long.class).single() == 1);
    }

    @Test
    void aPoisonRecordOnTheTransactionTopicIsDeadLetteredAndTheNextEventIsStillHandled() {
        var ann = member("en", true, "OWNER");
        var badKey = budget.toString();
        kafka.send(new ProducerRecord<>(TransactionEvents.TOPIC, badKey, "{\"specversion\": \"1.0\", not JSON".getBytes(StandardCharsets.UTF_8)))
                .join();
        // a decodable envelope whose event misses a required field is poison too
        kafka.send(new ProducerRecord<>(TransactionEvents.TOPIC, badKey, """
                {"specversion": "1.0", "id": "%s", "source": "/kitty/transaction-service", "type": "kitty.budget.alert-raised.v1",
                 "subject": "%s", "time": "2026-11-23T09:15:30Z", "datacontenttype": "application/json",
                 "data": {"budgetId": "%s", "kind": "CATEGORY_OVER_LIMIT"}}
                """.formatted(UUID.randomUUID(), budget, budget).getBytes(StandardCharsets.UTF_8))).join();
        events.send(TransactionEvents.GOAL_REACHED, goalReached());

        var mail = awaitMailsTo(ann.email(), 1).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo("Goal reached: “Summer holiday”");
        var dead = TopicRecords.await(broker.bootstrapServers(), DeadLetters.topicFor(TransactionEvents.TOPIC, "notification-service"),
                r -> badKey.equals(r.key()) && r.value().contains("CATEGORY_OVER_LIMIT"), PATIENCE);
        assertThat(dead).anySatisfy(r -> assertThat(r.value()).contains("not JSON"));
    }

    // ---- rules, listeners called directly

    @Test
    void aGoalReachedNamesTheGoalAndItsTargetToThoseWhoWantIt() {
        var ann = member("de", true, "OWNER");
        var bob = member("en", false, "VIEWER");
        named("Haushalt");

        moneyNews.on(goalReached(), metadata());

        assertThat(notifications(ann)).containsExactly(
                "GOAL_REACHED|Ziel erreicht: „Summer holiday“|Das Ziel „Summer holiday“ im Budget „Haushalt“ hat seinen Zielbetrag von "
                        + "1.500,00 EUR erreicht.|" + budget);
        assertThat(outbox(ann)).containsExactly("GOAL_REACHED|" + ann.email());
        assertThat(notifications(bob)).hasSize(1);
        assertThat(outbox(bob)).isEmpty();
    }

    @Test
    void theBalanceBelowZeroNamesTheBalanceAndABudgetWithoutANameYetIsYourBudget() {
        var ann = member("en", true, "OWNER");

        moneyNews.on(new BudgetAlertRaised(budget, "BALANCE_BELOW_ZERO", "2026-05", null, null, "-299", "0", "JPY"), metadata());

        assertThat(notifications(ann)).containsExactly("BUDGET_ALERT|“your budget” is below zero|The budget “your budget” went below zero in "
                + "May 2026: its balance is -299 JPY.|" + budget);
        assertThat(outbox(ann)).containsExactly("BUDGET_ALERT|" + ann.email());
    }

    @Test
    void anAlertOfAnUnknownKindTellsNobody() {
        var ann = member("en", true, "OWNER");

        moneyNews.on(new BudgetAlertRaised(budget, "SOMETHING_NEW", "2026-05", null, null, "1.00", "0.00", "EUR"), metadata());
        // a category alert without its category cannot name it: nobody is told either
        moneyNews.on(new BudgetAlertRaised(budget, "CATEGORY_OVER_LIMIT", "2026-05", null, null, "1.00", "0.00", "EUR"), metadata());

        assertThat(notifications(ann)).isEmpty();
        assertThat(outbox(ann)).isEmpty();
    }

    @Test
    void theSameEventHandledTwiceQueuesOneMailPerMember() {
        var ann = member("en", true, "OWNER");
        var metadata = metadata();

        moneyNews.on(monthClosed(), metadata);
        moneyNews.on(monthClosed(), metadata);

        assertThat(outbox(ann)).containsExactly("MONTHLY_DIGEST|" + ann.email());
    }

    @Test
    void aDeletedBudgetOrADeletedMemberIsToldNothing() {
        var ann = member("en", true, "OWNER");
        var bob = member("en", true, "MEMBER");
        jdbc.sql("INSERT INTO deleted_user (user_id, deleted_at) VALUES (?, now())").param(bob.id()).update();

        moneyNews.on(goalReached(), metadata());
        assertThat(notifications(ann)).hasSize(1);
        assertThat(notifications(bob)).isEmpty();

        jdbc.sql("DELETE FROM budget_member WHERE budget_id = ?").param(budget).update();
        jdbc.sql("INSERT INTO deleted_budget (budget_id, deleted_at) VALUES (?, now())").param(budget).update();
        moneyNews.on(goalReached(), metadata());
        assertThat(notifications(ann)).hasSize(1);
    }

    // ---- helpers

    private BudgetAlertRaised overLimit() {
        return new BudgetAlertRaised(budget, "CATEGORY_OVER_LIMIT", "2026-11", UUID.randomUUID(), "Groceries", "1412.30", "400.00", "EUR");
    }

    private GoalReached goalReached() {
        return new GoalReached(budget, UUID.randomUUID(), "Summer holiday", "1500.00", "EUR", LocalDate.parse("2027-06-01"));
    }

    private MonthClosed monthClosed() {
        var holiday = UUID.randomUUID();
        var months = new ArrayList<MonthClosed.MonthTotals>();
        String[][] figures = {{"2025-12", "3100.00", "3350.00"}, {"2026-01", "3200.00", "2800.00"}, {"2026-02", "3200.00", "2650.25"},
                {"2026-03", "3200.00", "3050.00"}, {"2026-04", "3400.00", "2900.00"}, {"2026-05", "3200.00", "2700.00"},
                {"2026-06", "3200.00", "3900.00"}, {"2026-07", "3200.00", "2500.00"}, {"2026-08", "3250.00", "2600.00"},
                {"2026-09", "3200.00", "2750.00"}, {"2026-10", "3200.00", "2900.00"}, {"2026-11", "3200.00", "2450.50"}};
        for (var month : figures) {
            months.add(new MonthClosed.MonthTotals(month[0], month[1], month[2]));
        }
        return new MonthClosed(budget, "2026-11", "EUR", "3200.00", "2450.50", "749.50",
                List.of(new MonthClosed.CategoryTotal(UUID.randomUUID(), "Rent", "1200.00"),
                        new MonthClosed.CategoryTotal(null, "Uncategorised", "80.50")),
                List.of(new MonthClosed.GoalAllocation(holiday, "Summer holiday", "749.50", "SURPLUS"),
                        new MonthClosed.GoalAllocation(holiday, "Summer holiday", "-20.00", "ADJUSTMENT")),
                months, Instant.parse("2026-12-01T00:01:02Z"));
    }

    /** A user this service knows, with every money setting as {@code moneyMails} says (invitations off). */
    private Person person(@Nullable String locale, boolean moneyMails) {
        var id = UUID.randomUUID();
        var person = new Person(id, "user." + id + "@example.com", "User " + id.toString().substring(0, 8));
        jdbc.sql("INSERT INTO recipient (user_id, email, display_name, version, updated_at) VALUES (?, ?, ?, 1, now())")
                .params(id, person.email(), person.name()).update();
        jdbc.sql("""
                INSERT INTO notification_settings (user_id, locale, time_zone, invitations, budget_alerts, goal_reached, monthly_summary,
                                                   updated_at, version)
                VALUES (?, ?, 'Europe/Berlin', FALSE, ?, ?, ?, now(), 1)
                """).params(id, locale, moneyMails, moneyMails, moneyMails).update();
        return person;
    }

    /** A person and their membership of the test's budget, as budget events would have left it in the replica. */
    private Person member(@Nullable String locale, boolean moneyMails, String role) {
        var person = person(locale, moneyMails);
        jdbc.sql("INSERT INTO budget_member (budget_id, user_id, role, version, updated_at) VALUES (?, ?, ?, 1, now())")
                .params(budget, person.id(), role).update();
        return person;
    }

    private void named(String name) {
        jdbc.sql("INSERT INTO budget (budget_id, name, name_version, updated_at) VALUES (?, ?, 1, now())").params(budget, name).update();
    }

    private static EventMetadata metadata() {
        return new EventMetadata(UUID.randomUUID().toString(), "kitty.test.v1", "/kitty/test", "subject", Instant.now());
    }

    private List<String> notifications(Person person) {
        return jdbc.sql("SELECT type || '|' || title || '|' || body || '|' || coalesce(budget_id::text, 'null') FROM notification WHERE user_id = ?")
                .param(person.id()).query(String.class).list();
    }

    private List<String> outbox(Person person) {
        // no status: the sender may have sent it already
        return jdbc.sql("SELECT template || '|' || coalesce(recipient, 'null') FROM mail_outbox WHERE user_id = ?")
                .param(person.id()).query(String.class).list();
    }

    private List<MimeMessage> awaitMailsTo(String recipient, int count) {
        return await().atMost(PATIENCE).until(() -> Mailbox.to(mailServer::receivedMessages, recipient), mails -> mails.size() >= count);
    }

    /** The first part of the given type, however deeply the multipart nests it. */
    private static @Nullable Part part(Part part, String mimeType) throws Exception {
        if (part.isMimeType(mimeType)) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                var found = part(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Whether a multipart/related holds both the HTML and the PNG. */
    private static boolean related(Part part) throws Exception {
        if (part.isMimeType("multipart/related")) {
            return part(part, "text/html") != null && part(part, "image/png") != null;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (related(multipart.getBodyPart(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] bytes(InputStream in) throws IOException {
        try (in; var out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
