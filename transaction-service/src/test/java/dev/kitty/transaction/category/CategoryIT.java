package dev.kitty.transaction.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.events.BudgetCreated;
import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.transaction.RunningTransactionService;
import dev.kitty.transaction.category.DefaultCategories.Default;
import dev.kitty.user.events.NotificationSettingsChanged;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Categories through the API, and the default set a new budget gets from BudgetCreated. */
class CategoryIT extends RunningTransactionService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    DefaultCategories defaults;

    @Test
    void adminsCreateRenameLimitAndDeleteCategoriesWithNamesUniqueWhateverTheirCase() {
        var team = team();
        var created = expect(call(HttpMethod.POST, categories(team.budget()), team.admin(),
                "{\"name\": \" Food \", \"type\": \"EXPENSE\", \"monthlyLimit\": \"400.5\"}"), HttpStatus.CREATED);
        assertThat(created.get("name").asString()).isEqualTo("Food");
        assertThat(created.get("monthlyLimit").asString()).isEqualTo("400.50");
        var path = categories(team.budget()) + "/" + created.get("id").asString();

        var taken = expect(call(HttpMethod.POST, categories(team.budget()), team.owner(), "{\"name\": \"FOOD\", \"type\": \"INCOME\"}"),
                HttpStatus.CONFLICT);
        assertThat(taken.get("type").asString()).endsWith("/category-name-taken");
        // another budget may have the same name
        var other = team();
        expect(call(HttpMethod.POST, categories(other.budget()), other.admin(), "{\"name\": \"food\", \"type\": \"EXPENSE\"}"), HttpStatus.CREATED);

        category(team.budget(), team.admin(), "Rent", "EXPENSE");
        expect(call(HttpMethod.PATCH, path, team.admin(), "{\"name\": \"rent\"}"), HttpStatus.CONFLICT);
        var renamed = expect(call(HttpMethod.PATCH, path, team.admin(), "{\"name\": \"Groceries\"}"), HttpStatus.OK);
        assertThat(renamed.get("name").asString()).isEqualTo("Groceries");
        assertThat(renamed.get("monthlyLimit").asString()).isEqualTo("400.50");
        var fixedType = expect(call(HttpMethod.PATCH, path, team.admin(), "{\"type\": \"INCOME\"}"), HttpStatus.CONFLICT);
        assertThat(fixedType.get("type").asString()).endsWith("/category-type-fixed");
        expect(call(HttpMethod.PATCH, path, team.admin(), "{\"type\": \"EXPENSE\", \"monthlyLimit\": 300}"), HttpStatus.OK);
        var unlimited = expect(call(HttpMethod.PATCH, path, team.admin(), "{\"monthlyLimit\": null}"), HttpStatus.OK);
        assertThat(unlimited.get("monthlyLimit").isNull()).isTrue();
        assertThat(unlimited.get("name").asString()).isEqualTo("Groceries");

        var listed = expect(call(HttpMethod.GET, categories(team.budget()), team.viewer(), null), HttpStatus.OK);
        assertThat(listed.findValuesAsString("name")).containsExactly("Groceries", "Rent");

        expect(call(HttpMethod.DELETE, path, team.admin(), null), HttpStatus.NO_CONTENT);
        expect(call(HttpMethod.DELETE, path, team.admin(), null), HttpStatus.NOT_FOUND);
        // another budget's category is not found through this one
        var foreign = category(other.budget(), other.admin(), "Trips", "EXPENSE");
        expect(call(HttpMethod.PATCH, categories(team.budget()) + "/" + foreign, team.admin(), "{\"name\": \"Mine\"}"), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.DELETE, categories(team.budget()) + "/" + foreign, team.admin(), null), HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesBadCategoriesAndChangesNothing() {
        var team = team("JPY");
        for (var bad : List.of("{\"name\": \"\", \"type\": \"EXPENSE\"}", "{\"name\": \"   \", \"type\": \"EXPENSE\"}",
                "{\"name\": \"" + "x".repeat(61) + "\", \"type\": \"EXPENSE\"}", "{\"name\": \"A\", \"type\": \"SAVINGS\"}",
                "{\"name\": \"A\"}", "{\"type\": \"EXPENSE\"}", "{\"name\": \"A\", \"type\": \"EXPENSE\", \"monthlyLimit\": \"0\"}",
                "{\"name\": \"A\", \"type\": \"EXPENSE\", \"monthlyLimit\": \"-3\"}", "{\"name\": \"A\", \"type\": \"EXPENSE\", \"monthlyLimit\": \"1.5\"}",
                "{\"name\": \"A\", \"type\": \"EXPENSE\", \"monthlyLimit\": \"lots\"}", "{\"name\": \"A\", \"type\": \"EXPENSE\", \"monthlyLimit\": 1e13}",
                "{\"name\": \"Tab\\u0007\", \"type\": \"EXPENSE\"}")) {
            expect(call(HttpMethod.POST, categories(team.budget()), team.admin(), bad), HttpStatus.BAD_REQUEST);
        }
        var id = category(team.budget(), team.admin(), "Food", "EXPENSE");
        for (var bad : List.of("{\"name\": \"\"}", "{\"monthlyLimit\": \"0.5\"}", "{\"type\": \"SAVINGS\"}")) {
            expect(call(HttpMethod.PATCH, categories(team.budget()) + "/" + id, team.admin(), bad), HttpStatus.BAD_REQUEST);
        }
        assertThat(rows("category", team.budget())).isEqualTo(1);
    }

    @Test
    void deletingACategoryKeepsItsTransactionsUncategorisedAndTellsDerivedDataFirst() {
        var team = team();
        var food = category(team.budget(), team.admin(), "Food", "EXPENSE");
        var tx = record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"2026-01-01\", \"categoryId\": \"" + food + "\"}");

        expect(call(HttpMethod.DELETE, categories(team.budget()) + "/" + food, team.admin(), null), HttpStatus.NO_CONTENT);

        var kept = expect(call(HttpMethod.GET, transactions(team.budget()) + "/" + tx.get("id").asString(), team.viewer(), null), HttpStatus.OK);
        assertThat(kept.get("categoryId").isNull()).isTrue();
        assertThat(kept.get("amount").asString()).isEqualTo("5.00");
        assertThat(domainEvents.of(CategoryDeleted.class)).contains(new CategoryDeleted(team.budget(), food));
    }

    @Test
    void aNewBudgetGetsTheDefaultsInItsOwnersLanguageOnceAndNoneAfterItsDeletion() {
        var english = UUID.randomUUID();
        var german = UUID.randomUUID();
        var germanOwner = UUID.randomUUID();
        onKafka.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED,
                new NotificationSettingsChanged(germanOwner, "de-AT", "Europe/Vienna", true, true, true, true, 2));
        // an older setting, delivered late, changes nothing
        onKafka.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED,
                new NotificationSettingsChanged(germanOwner, "en", "Europe/Vienna", true, true, true, true, 1));
        await().atMost(PATIENCE).until(() -> defaults.defaultsFor(germanOwner) == DefaultCategories.GERMAN);

        var created = new BudgetCreated(german, germanOwner, "Haushalt", "EUR", "Europe/Vienna", Instant.now());
        var id = onKafka.send(BudgetEvents.BUDGET_CREATED, created);
        onKafka.send(BudgetEvents.BUDGET_CREATED, new BudgetCreated(english, UUID.randomUUID(), "Home", "GBP", "Europe/London", Instant.now()));
        await().atMost(PATIENCE).until(() -> rows("category", german) == 10 && rows("category", english) == 10);
        assertThat(names(german)).containsExactlyInAnyOrderElementsOf(DefaultCategories.GERMAN.stream().map(Default::name).toList());
        assertThat(names(english)).contains("Groceries", "Salary", "Other income");

        // the same event again (an outbox resubmission), and under a new id (a replay): still ten
        onKafka.send(BudgetEvents.BUDGET_CREATED, created, id, german.toString());
        defaults.on(created);
        assertThat(rows("category", german)).isEqualTo(10);

        // a late BudgetCreated after the deletion brings nothing back
        var deleted = UUID.randomUUID();
        var owner = UUID.randomUUID();
        onKafka.send(BudgetEvents.BUDGET_DELETED, new BudgetDeleted(deleted, "Gone", owner, List.of(owner), Instant.now()));
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM deleted_budget WHERE budget_id = :b").param("b", deleted)
                .query(Long.class).single() == 1);
        onKafka.send(BudgetEvents.BUDGET_CREATED, new BudgetCreated(deleted, owner, "Gone", "EUR", "Europe/Berlin", Instant.now()));
        var marker = UUID.randomUUID();
        onKafka.send(BudgetEvents.BUDGET_CREATED, new BudgetCreated(marker, owner, "Marker", "EUR", "Europe/Berlin", Instant.now()),
                UUID.randomUUID().toString(), deleted.toString());
        await().atMost(PATIENCE).until(() -> rows("category", marker) == 10);
        assertThat(rows("category", deleted)).isZero();
    }

    @Test
    void aDefaultTheOwnerCreatedAlreadyIsSkipped() {
        var owner = user("owner");
        var budget = budgetInReplica(owner, "EUR");
        expect(call(HttpMethod.POST, categories(budget), owner, "{\"name\": \"groceries\", \"type\": \"EXPENSE\", \"monthlyLimit\": 300}"),
                HttpStatus.CREATED);

        defaults.on(new BudgetCreated(budget, owner.id(), "Home", "EUR", "Europe/Berlin", Instant.now()));

        assertThat(rows("category", budget)).isEqualTo(10);
        assertThat(names(budget)).contains("groceries").doesNotContain("Groceries");
    }

    private List<String> names(UUID budget) {
        return jdbc.sql("SELECT name FROM category WHERE budget_id = :b").param("b", budget).query(String.class).list();
    }
}
