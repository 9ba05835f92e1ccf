package dev.kitty.system.budget;

import static dev.kitty.system.security.KittyClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.devstack.RunningStack;
import dev.kitty.platform.test.TopicRecords;
import dev.kitty.system.SharedStack;
import dev.kitty.system.security.KittyClient;
import dev.kitty.system.security.KittyClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * What transaction-service notices about money reaches people through notification-service, on the running stack:
 * a category over its monthly limit and a reached goal each arrive as one mail and one in-app notification, even when
 * Kafka delivers their event twice.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith({SharedStack.class, SharedStack.LogTailsOnFailure.class})
class MoneyNewsJourneyIT {

    private static final Duration ASYNC_WITHIN = Duration.ofSeconds(45);

    private static RunningStack stack;
    private static KittyClient kitty;

    @BeforeAll
    static void stack(RunningStack running) {
        stack = running;
        kitty = new KittyClient(running);
    }

    @Test
    void anOverLimitAlertAndAReachedGoalArriveOnceByMailAndInAppEvenWhenTheirEventsAreDeliveredTwice() throws Exception {
        var ada = kitty.register("money-news-ada");
        var token = kitty.login(ada).accessToken();
        kitty.awaitProfile(token);
        var budget = send(token, "POST", "/api/budgets", """
                {"name":"Money news household","currency":"EUR"}""");
        assertThat(budget.status()).as(budget.toString()).isEqualTo(201);
        var budgetId = budget.json().path("id").asString();
        var base = "/api/budgets/" + budgetId;
        var groceries = send(token, "POST", base + "/categories", """
                {"name":"Weekly groceries","type":"EXPENSE","monthlyLimit":"100.00"}""");
        assertThat(groceries.status()).as(groceries.toString()).isEqualTo(201);
        var groceriesId = groceries.json().path("id").asString();
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);

        // income first, so that only the category goes over its line; then 60 + 50 + 30 against a limit of 100
        record(token, base, "INCOME", "1000.00", null, today);
        record(token, base, "EXPENSE", "60.00", groceriesId, today);
        record(token, base, "EXPENSE", "50.00", groceriesId, today);
        record(token, base, "EXPENSE", "30.00", groceriesId, today);

        var alertMail = awaitMails(ada.email(), "Weekly groceries", 1).get(0);
        assertThat(alertMail).contains("Money news household").contains("100").contains("110");
        await("the alert in Ada's notifications", () -> notificationsMentioning(token, "Weekly groceries"), found -> found.size() == 1);

        // Kafka delivers the alert again (same CloudEvent id), then the goal is reached: the goal's news comes after the
        // duplicate on the budget's partition, so once it is there the duplicate has been handled
        redeliver(budgetId, "kitty.budget.alert-raised.v1");
        var goal = send(token, "POST", base + "/goals", """
                {"name":"Cargo bike","targetAmount":"50.00"}""");
        assertThat(goal.status()).as(goal.toString()).isEqualTo(201);
        var contributed = send(token, "POST", base + "/goals/" + goal.json().path("id").asString() + "/contributions", """
                {"amount":"50.00"}""");
        assertThat(contributed.status()).as(contributed.toString()).isEqualTo(201);
        awaitMails(ada.email(), "Cargo bike", 1);
        await("the goal in Ada's notifications", () -> notificationsMentioning(token, "Cargo bike"), found -> found.size() == 1);

        // the goal's event twice too, then a last alert (the month's balance goes below zero) as the marker
        redeliver(budgetId, "kitty.budget.goal-reached.v1");
        record(token, base, "EXPENSE", "5000.00", null, today);
        await("the below-zero alert in Ada's notifications", () -> notifications(token).size(), count -> count >= 3);

        assertThat(mailsMentioning(ada.email(), "Weekly groceries")).hasSize(1);
        assertThat(mailsMentioning(ada.email(), "Cargo bike")).hasSize(1);
        assertThat(notificationsMentioning(token, "Weekly groceries")).hasSize(1);
        assertThat(notificationsMentioning(token, "Cargo bike")).hasSize(1);
    }

    private static void record(String token, String base, String type, String amount, String categoryId, java.time.LocalDate on) {
        var body = categoryId == null
                ? "{\"type\":\"%s\",\"amount\":\"%s\",\"occurredOn\":\"%s\"}".formatted(type, amount, on)
                : "{\"type\":\"%s\",\"amount\":\"%s\",\"occurredOn\":\"%s\",\"categoryId\":\"%s\"}".formatted(type, amount, on, categoryId);
        var recorded = send(token, "POST", base + "/transactions", body);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    /** Sends the budget's first event of this type again, unchanged: what a producer retry or a rebalance does. */
    private static void redeliver(String budgetId, String type) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicRecords.await(stack.kafkaBootstrapServers(), "transaction.events",
                record -> budgetId.equals(record.key()) && record.value().contains("\"" + type + "\""), ASYNC_WITHIN);
        var original = records.stream().filter(record -> budgetId.equals(record.key()) && record.value().contains("\"" + type + "\""))
                .findFirst().orElseThrow();
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            var copy = new ProducerRecord<>(original.topic(), original.partition(), original.key(), original.value());
            original.headers().forEach(header -> copy.headers().add(header));
            producer.send(copy).get();
        }
    }

    private static List<JsonNode> notifications(String token) {
        var page = send(token, "GET", "/api/notifications?size=100", null);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        var found = new ArrayList<JsonNode>();
        page.json().path("content").forEach(found::add);
        return found;
    }

    private static List<JsonNode> notificationsMentioning(String token, String text) {
        return notifications(token).stream().filter(n -> (n.path("title").asString() + " " + n.path("body").asString()).contains(text)).toList();
    }

    private static Response send(String token, String method, String path, String body) {
        return kitty.send(method, kitty.gateway() + path, bearer(token), body);
    }

    private static List<String> awaitMails(String address, String mentioning, int count) {
        return await(count + " mail(s) to " + address + " mentioning " + mentioning, () -> mailsMentioning(address, mentioning),
                found -> found.size() >= count);
    }

    private static List<String> mailsMentioning(String address, String text) {
        return new MailInbox(stack).mailsMentioning(address, text);
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + ASYNC_WITHIN.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            assertThat(System.nanoTime()).as(what + " within " + ASYNC_WITHIN + "; last: " + last).isLessThan(deadline);
            KittyClient.sleep(Duration.ofMillis(300));
            last = probe.get();
        }
        return last;
    }
}
