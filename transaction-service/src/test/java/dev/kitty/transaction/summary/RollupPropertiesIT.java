package dev.kitty.transaction.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.transaction.ledger.TransactionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For random histories of a budget (records, edits, deletes, category deletions, authors' accounts deleted) on the
 * real PostgreSQL: the summary of every period equals what SQL sums straight from {@code ledger_transaction}, and
 * the rollups equal a rebuild from scratch (the repair finds nothing). jqwik runs outside Spring's JUnit
 * extension, so the class borrows the shared test context (the same configuration as every IT) from Spring's cache.
 */
class RollupPropertiesIT extends SummaryTestSupport {

    sealed interface Step permits Record, Edit, Delete, DeleteCategory, DropAuthor {}

    record Record(TransactionType type, String amount, LocalDate on, int category, int author) implements Step {}

    record Edit(int which, TransactionType type, String amount, LocalDate on, int category) implements Step {}

    record Delete(int which) implements Step {}

    record DeleteCategory(int category) implements Step {}

    record DropAuthor(int author) implements Step {}

    static ApplicationContext context;

    @BeforeContainer
    static void borrowTheSharedContext() throws Exception {
        context = new TestContextManager(RollupPropertiesIT.class).getTestContext().getApplicationContext();
    }

    @Property(tries = 60)
    void summariesEqualTheLedgerAndRollupsEqualARebuild(@ForAll("histories") List<Step> history) {
        var jdbc = context.getBean(JdbcClient.class);
        var ledger = new LedgerStandIn(jdbc, context.getBean(TransactionTemplate.class), context);
        var summaries = context.getBean(Summaries.class);
        var repair = context.getBean(RollupRepair.class);
        var authors = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var budget = ledger.budget("KWD", authors.get(0), "VIEWER", authors.get(1), "OWNER", authors.get(2), "MEMBER");
        var categories = new ArrayList<UUID>();
        for (int i = 0; i < 3; i++) {
            categories.add(ledger.category(budget, "Category " + i, i == 0 ? TransactionType.INCOME : TransactionType.EXPENSE, null));
        }
        var live = new ArrayList<UUID>();
        var deletedCategories = new java.util.HashSet<Integer>();
        for (var step : history) {
            switch (step) {
                case Record r -> live.add(ledger.record(budget, r.type(), r.amount(), r.on(), category(categories, deletedCategories, r.category()),
                        r.author() < authors.size() ? authors.get(r.author()) : null));
                case Edit e when !live.isEmpty() -> ledger.edit(live.get(e.which() % live.size()), e.type(), e.amount(), e.on(),
                        category(categories, deletedCategories, e.category()));
                case Delete d when !live.isEmpty() -> ledger.delete(live.remove(d.which() % live.size()));
                case DeleteCategory c when deletedCategories.add(c.category()) -> ledger.deleteCategory(budget, categories.get(c.category()));
                case DropAuthor a -> ledger.dropAuthor(authors.get(a.author()));
                default -> { }
            }
        }

        assertThat(repair.repair(budget)).as("the rollups equal a rebuild from the ledger").isEmpty();
        var caller = new CurrentUser(authors.get(0), "viewer@kitty.test", true, Set.of("USER"));
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

    private static UUID category(List<UUID> categories, Set<Integer> deleted, int index) {
        return index >= categories.size() || deleted.contains(index) ? null : categories.get(index);
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
        var author = Arbitraries.integers().between(0, 3); // 3: none (a former member already)
        var which = Arbitraries.integers().between(0, 1000);
        Arbitrary<Step> record = Combinators.combine(type, amount, on, category, author).as(Record::new);
        Arbitrary<Step> edit = Combinators.combine(which, type, amount, on, category).as(Edit::new);
        Arbitrary<Step> delete = which.map(Delete::new);
        Arbitrary<Step> deleteCategory = Arbitraries.integers().between(0, 2).map(DeleteCategory::new);
        Arbitrary<Step> dropAuthor = Arbitraries.integers().between(0, 2).map(DropAuthor::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(10, record), net.jqwik.api.Tuple.of(5, edit), net.jqwik.api.Tuple.of(3, delete),
                        net.jqwik.api.Tuple.of(1, deleteCategory), net.jqwik.api.Tuple.of(1, dropAuthor))
                .list().ofMinSize(1).ofMaxSize(30);
    }
}
