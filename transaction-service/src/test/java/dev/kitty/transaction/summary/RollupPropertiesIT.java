package dev.kitty.transaction.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.test.MutableClock;
import dev.kitty.platform.test.TestTokens;
import dev.kitty.transaction.ledger.LedgerListeners;
import dev.kitty.transaction.ledger.TransactionType;
import dev.kitty.user.events.UserDeleted;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * For random histories of a budget (records, edits, deletes, category deletions, CSV imports, authors' accounts
 * deleted) on the real PostgreSQL, written through the real write paths (the HTTP API with real tokens for the first
 * five, the ledger's {@code UserDeleted} listener for the last): the summary of every period equals what SQL sums
 * straight from {@code ledger_transaction}, and the rollups equal a rebuild from scratch (the repair finds nothing).
 * jqwik runs outside Spring's JUnit extension, so the class borrows the shared test context (the same configuration
 * as every IT) from Spring's cache.
 */
class RollupPropertiesIT extends SummaryTestSupport {

    sealed interface Step permits Record, Edit, Delete, DeleteCategory, DropAuthor, Import {}

    record Record(TransactionType type, String amount, LocalDate on, int category, int author) implements Step {}

    record Edit(int which, TransactionType type, String amount, LocalDate on, int category) implements Step {}

    record Delete(int which) implements Step {}

    record DeleteCategory(int category) implements Step {}

    record DropAuthor(int author) implements Step {}

    /** A CSV file of a few lines, imported by the author. */
    record Import(int author, List<Record> lines) implements Step {}

    static ApplicationContext context;

    @BeforeContainer
    static void borrowTheSharedContext() throws Exception {
        context = new TestContextManager(RollupPropertiesIT.class).getTestContext().getApplicationContext();
    }

    @Property(tries = 60)
    void summariesEqualTheLedgerAndRollupsEqualARebuild(@ForAll("histories") List<Step> history) {
        var jdbc = context.getBean(JdbcClient.class);
        var summaries = context.getBean(Summaries.class);
        var repair = context.getBean(RollupRepair.class);
        context.getBean(MutableClock.class).set(Instant.now().truncatedTo(ChronoUnit.MICROS));
        var api = new Api(context.getBean(MockMvcTester.class), context.getBean(TestTokens.class), context.getBean(JsonMapper.class));
        // the owner edits, deletes and deletes categories (an owner may change anyone's transaction); the authors record
        var owner = UUID.randomUUID();
        var authors = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var budget = budget(jdbc, "KWD", owner, "OWNER", authors.get(0), "ADMIN", authors.get(1), "MEMBER", authors.get(2), "MEMBER");
        var categories = new ArrayList<UUID>();
        for (int i = 0; i < 3; i++) {
            categories.add(api.category(owner, budget, "Category " + i, i == 0 ? TransactionType.INCOME : TransactionType.EXPENSE));
        }
        var deletedCategories = new HashSet<Integer>();
        var droppedAuthors = new HashSet<Integer>();
        for (var step : history) {
            var live = jdbc.sql("SELECT id FROM ledger_transaction WHERE budget_id = :b ORDER BY created_at, id").param("b", budget)
                    .query(UUID.class).list();
            switch (step) {
                case Record r -> api.record(author(owner, authors, droppedAuthors, r.author()), budget, r.type(), r.amount(), r.on(),
                        category(categories, deletedCategories, r.category(), r.type()));
                case Edit e when !live.isEmpty() -> api.edit(owner, budget, live.get(e.which() % live.size()), e.type(), e.amount(), e.on(),
                        category(categories, deletedCategories, e.category(), e.type()));
                case Delete d when !live.isEmpty() -> api.delete(owner, budget, live.get(d.which() % live.size()));
                case DeleteCategory c when deletedCategories.add(c.category()) -> api.deleteCategory(owner, budget, categories.get(c.category()));
                case DropAuthor a when droppedAuthors.add(a.author()) ->
                        LedgerListeners.userDeleted(context, new UserDeleted(authors.get(a.author()), Instant.now()));
                case Import i -> {
                    var file = new StringBuilder("type,amount,occurredOn,category,description\n");
                    for (var line : i.lines()) {
                        var category = category(categories, deletedCategories, line.category(), line.type());
                        file.append(line.type()).append(',').append(line.amount()).append(',').append(line.on()).append(',')
                                .append(category == null ? "" : "Category " + categories.indexOf(category)).append(',')
                                .append(line.author() % 2 == 0 ? "\"coffee, \"\"to go\"\"\"" : "").append('\n');
                    }
                    api.importCsv(author(owner, authors, droppedAuthors, i.author()), budget, file.toString());
                }
                default -> { }
            }
        }

        assertThat(repair.repair(budget)).as("the rollups equal a rebuild from the ledger").isEmpty();
        var caller = new CurrentUser(owner, "owner@kitty.test", true, Set.of("USER"));
        for (var period : List.of(new String[] {"2024-01-01", "2026-12-31"}, new String[] {"2025-02-01", "2025-02-28"},
                new String[] {"2024-06-15", "2025-07-15"})) {
            var summary = summaries.of(caller, budget, period[0], period[1], Period.MAX_MONTHS);
            var from = summary.period().from();
            var to = summary.period().to();
            assertThat(summary.income()).isEqualByComparingTo(sum(jdbc, budget, "type = 'INCOME' AND occurred_on BETWEEN :from AND :to", from, to));
            assertThat(summary.expense()).isEqualByComparingTo(sum(jdbc, budget, "type = 'EXPENSE' AND occurred_on BETWEEN :from AND :to", from, to));
            assertThat(summary.balance()).isEqualByComparingTo(
                    sum(jdbc, budget, "type = 'INCOME' AND occurred_on <= :to", from, to)
                            .subtract(sum(jdbc, budget, "type = 'EXPENSE' AND occurred_on <= :to", from, to)));
            for (var month : summary.byMonth()) {
                assertThat(month.net()).isEqualByComparingTo(
                        sum(jdbc, budget, "type = 'INCOME' AND occurred_on BETWEEN :from AND :to", month.month().atDay(1), month.month().atEndOfMonth())
                                .subtract(sum(jdbc, budget, "type = 'EXPENSE' AND occurred_on BETWEEN :from AND :to",
                                        month.month().atDay(1), month.month().atEndOfMonth())));
            }
            for (var category : summary.byCategory()) {
                assertThat(category.total()).isEqualByComparingTo(sum(jdbc, budget, "type = '" + category.type() + "' AND "
                        + (category.categoryId() == null ? "category_id IS NULL" : "category_id = '" + category.categoryId() + "'")
                        + " AND occurred_on BETWEEN :from AND :to", from, to));
            }
            for (var member : summary.byMember()) {
                var author = member.userId() == null ? "created_by IS NULL" : "created_by = '" + member.userId() + "'";
                assertThat(member.income()).isEqualByComparingTo(sum(jdbc, budget, author + " AND type = 'INCOME' AND occurred_on BETWEEN :from AND :to", from, to));
                assertThat(member.expense()).isEqualByComparingTo(sum(jdbc, budget, author + " AND type = 'EXPENSE' AND occurred_on BETWEEN :from AND :to", from, to));
            }
            assertThat(summary.byCategory().stream().map(Summary.CategoryTotal::total).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(summary.income().add(summary.expense()));
        }
    }

    /** The category, unless it is deleted, "uncategorised" (3) or of the other type (the API would refuse it). */
    private static @Nullable UUID category(List<UUID> categories, Set<Integer> deleted, int index, TransactionType type) {
        if (index >= categories.size() || deleted.contains(index)) {
            return null;
        }
        return (index == 0) == (type == TransactionType.INCOME) ? categories.get(index) : null;
    }

    /** A budget in the membership replica, as BudgetCreated and MemberAdded leave it. */
    private static UUID budget(JdbcClient jdbc, String currency, Object... membersAndRoles) {
        var budget = UUID.randomUUID();
        jdbc.sql("INSERT INTO budget_ref (budget_id, currency, created_at) VALUES (:b, :c, now())").param("b", budget).param("c", currency).update();
        for (int i = 0; i < membersAndRoles.length; i += 2) {
            jdbc.sql("INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version) VALUES (:b, :u, :r, now(), now(), 1)")
                    .param("b", budget).param("u", membersAndRoles[i]).param("r", membersAndRoles[i + 1].toString()).update();
        }
        return budget;
    }

    /** A dropped author's account is gone: the owner records in their place. */
    private static UUID author(UUID owner, List<UUID> authors, Set<Integer> dropped, int index) {
        return index >= authors.size() || dropped.contains(index) ? owner : authors.get(index);
    }

    /** The service's HTTP API, called with real access tokens; every write must succeed. */
    record Api(MockMvcTester mvc, TestTokens tokens, JsonMapper json) {

        UUID category(UUID caller, UUID budget, String name, TransactionType type) {
            var created = send(caller, mvc.post().uri("/api/budgets/" + budget + "/categories").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"%s\", \"type\": \"%s\"}".formatted(name, type)), HttpStatus.CREATED);
            return UUID.fromString(json.readTree(created).get("id").asString());
        }

        void record(UUID caller, UUID budget, TransactionType type, String amount, LocalDate on, @Nullable UUID category) {
            send(caller, mvc.post().uri("/api/budgets/" + budget + "/transactions").contentType(MediaType.APPLICATION_JSON)
                    .content(body(type, amount, on, category)), HttpStatus.CREATED);
        }

        void edit(UUID caller, UUID budget, UUID transaction, TransactionType type, String amount, LocalDate on, @Nullable UUID category) {
            send(caller, mvc.put().uri("/api/budgets/" + budget + "/transactions/" + transaction).contentType(MediaType.APPLICATION_JSON)
                    .content(body(type, amount, on, category)), HttpStatus.OK);
        }

        void delete(UUID caller, UUID budget, UUID transaction) {
            send(caller, mvc.delete().uri("/api/budgets/" + budget + "/transactions/" + transaction), HttpStatus.NO_CONTENT);
        }

        void deleteCategory(UUID caller, UUID budget, UUID category) {
            send(caller, mvc.delete().uri("/api/budgets/" + budget + "/categories/" + category), HttpStatus.NO_CONTENT);
        }

        void importCsv(UUID caller, UUID budget, String file) {
            var report = json.readTree(send(caller, mvc.post().uri("/api/budgets/" + budget + "/transactions/import")
                    .contentType("text/csv").content(file.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK));
            assertThat(report.get("errors")).as(file).isEmpty();
        }

        private static String body(TransactionType type, String amount, LocalDate on, @Nullable UUID category) {
            return "{\"type\": \"%s\", \"amount\": \"%s\", \"occurredOn\": \"%s\"%s}".formatted(type, amount, on,
                    category == null ? "" : ", \"categoryId\": \"" + category + "\"");
        }

        private String send(UUID caller, MockMvcTester.MockMvcRequestBuilder request, HttpStatus expected) {
            var result = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken(caller, caller + "@kitty.test", "USER"))
                    .accept(MediaType.APPLICATION_JSON).exchange();
            var body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expected.value());
            return body;
        }
    }

    private static BigDecimal sum(JdbcClient jdbc, UUID budget, String where, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM ledger_transaction WHERE budget_id = :budget AND " + where)
                .param("budget", budget).param("from", from).param("to", to)
                .query(BigDecimal.class).single();
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        var type = Arbitraries.of(TransactionType.class);
        // KWD's three digits, from a fils to a fortune
        var amount = Arbitraries.oneOf(Arbitraries.longs().between(1, 1000), Arbitraries.longs().between(1, 50_000_000_000L))
                .map(fils -> BigDecimal.valueOf(fils, 3).toPlainString());
        var on = Arbitraries.integers().between(0, 3 * 365 - 1).map(day -> LocalDate.of(2024, 1, 1).plusDays(day));
        var category = Arbitraries.integers().between(0, 3); // 3: uncategorised
        var author = Arbitraries.integers().between(0, 3); // 3: the owner
        var which = Arbitraries.integers().between(0, 1000);
        Arbitrary<Step> record = Combinators.combine(type, amount, on, category, author).as(Record::new);
        Arbitrary<Step> edit = Combinators.combine(which, type, amount, on, category).as(Edit::new);
        Arbitrary<Step> delete = which.map(Delete::new);
        Arbitrary<Step> deleteCategory = Arbitraries.integers().between(0, 2).map(DeleteCategory::new);
        Arbitrary<Step> dropAuthor = Arbitraries.integers().between(0, 2).map(DropAuthor::new);
        Arbitrary<Step> importFile = Combinators.combine(author,
                Combinators.combine(type, amount, on, category, author).as(Record::new).list().ofMinSize(1).ofMaxSize(6)).as(Import::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(10, record), net.jqwik.api.Tuple.of(5, edit), net.jqwik.api.Tuple.of(3, delete),
                        net.jqwik.api.Tuple.of(1, deleteCategory), net.jqwik.api.Tuple.of(1, dropAuthor), net.jqwik.api.Tuple.of(3, importFile))
                .list().ofMinSize(1).ofMaxSize(30);
    }
}
