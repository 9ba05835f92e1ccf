package dev.kitty.transaction.summary;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import dev.kitty.transaction.ledger.TransactionType;
import dev.kitty.transaction.membership.BudgetAccess;
import dev.kitty.transaction.membership.BudgetRole;
import dev.kitty.transaction.membership.MembershipReplica;
import dev.kitty.transaction.people.People;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a budget's summary from {@code monthly_rollup} alone: every figure is an SQL sum over the rows of the
 * period's months, so the cost depends on months × categories × members, never on how many transactions there are.
 */
@Service
class Summaries {

    static final String UNCATEGORISED = "Uncategorised";
    static final String FORMER_MEMBER = "Former member";
    static final String UNKNOWN_MEMBER = "Unknown member";

    private final JdbcClient jdbc;
    private final BudgetAccess access;
    private final MembershipReplica memberships;
    private final People people;
    private final Clock clock;

    Summaries(JdbcClient jdbc, BudgetAccess access, MembershipReplica memberships, People people, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.memberships = memberships;
        this.people = people;
        this.clock = clock;
    }

    /** Checks the caller (VIEWER+) before the period, so that a non-member learns nothing, not even that the input was bad. */
    @Transactional(readOnly = true)
    Summary of(CurrentUser caller, UUID budgetId, @Nullable String from, @Nullable String to, int maxMonths) {
        access.require(budgetId, caller, BudgetRole.VIEWER);
        var currency = memberships.currencyOf(budgetId).orElseThrow(() -> new DomainException.NotFound("No such budget."));
        var period = Period.parse(from, to, clock, maxMonths);
        return summarise(budgetId, currency, period);
    }

    /**
     * Two scans of the budget's rollup rows: the period's, whose grouping sets give the sums by month, by category and
     * by member at once, and all rows up to the period's end for the balance. Category names come from the budget's
     * few categories.
     */
    private Summary summarise(UUID budgetId, String currency, Period period) {
        var months = new LinkedHashMap<YearMonth, BigDecimal[]>();
        period.months().forEach(month -> months.put(month, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO}));
        var categories = new ArrayList<Summary.CategoryTotal>();
        var memberSums = new LinkedHashMap<@Nullable UUID, BigDecimal[]>();
        var allTime = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
        record CategoryRow(UUID id, String name, @Nullable BigDecimal monthlyLimit) {}
        var known = new HashMap<UUID, CategoryRow>();
        jdbc.sql("SELECT id, name, monthly_limit FROM category WHERE budget_id = :budgetId")
                .param("budgetId", budgetId)
                .query(CategoryRow.class)
                .list()
                .forEach(category -> known.put(category.id(), category));
        jdbc.sql("""
                SELECT GROUPING(month, category_id, member_id) AS grouping, month, category_id, member_id, type,
                       sum(total) AS period_total
                FROM monthly_rollup
                WHERE budget_id = :budgetId AND month BETWEEN :from AND :to
                GROUP BY GROUPING SETS ((month, type), (category_id, type), (member_id, type))
                """)
                .param("budgetId", budgetId).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    var type = TransactionType.valueOf(rs.getString("type"));
                    var periodTotal = rs.getBigDecimal("period_total");
                    switch (rs.getInt("grouping")) {
                        // GROUPING(month, category, member): a bit set for each column not grouped by
                        case 0b011 -> {
                            var month = months.get(YearMonth.from(rs.getObject("month", LocalDate.class)));
                            if (month != null) {
                                month[type.ordinal()] = periodTotal;
                            }
                        }
                        case 0b101 -> {
                            if (periodTotal != null) {
                                // a category deleted a moment ago whose rows are not merged yet would show as uncategorised
                                var category = known.get(rs.getObject("category_id", UUID.class));
                                categories.add(category == null
                                        ? new Summary.CategoryTotal(null, UNCATEGORISED, type, periodTotal, null)
                                        : new Summary.CategoryTotal(category.id(), category.name(), type, periodTotal, category.monthlyLimit()));
                            }
                        }
                        case 0b110 -> {
                            if (periodTotal != null) {
                                memberSums.computeIfAbsent(rs.getObject("member_id", UUID.class),
                                        id -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[type.ordinal()] = periodTotal;
                            }
                        }
                        default -> throw new IllegalStateException("unexpected grouping " + rs.getInt("grouping"));
                    }
                });
        jdbc.sql("""
                SELECT type, sum(total) AS total FROM monthly_rollup WHERE budget_id = :budgetId AND month <= :to GROUP BY type
                """)
                .param("budgetId", budgetId).param("to", period.to())
                .query(rs -> {
                    allTime[TransactionType.valueOf(rs.getString("type")).ordinal()] = rs.getBigDecimal("total");
                });
        var byMonth = months.entrySet().stream()
                .map(month -> new Summary.Month(month.getKey(), month.getValue()[TransactionType.INCOME.ordinal()],
                        month.getValue()[TransactionType.EXPENSE.ordinal()]))
                .toList();
        var income = byMonth.stream().map(Summary.Month::income).reduce(BigDecimal.ZERO, BigDecimal::add);
        var expense = byMonth.stream().map(Summary.Month::expense).reduce(BigDecimal.ZERO, BigDecimal::add);
        var balance = allTime[TransactionType.INCOME.ordinal()].subtract(allTime[TransactionType.EXPENSE.ordinal()]);
        // income first, then expenses; largest first; by name
        var byCategory = categories.stream()
                .sorted(Comparator.comparing((Summary.CategoryTotal category) -> category.type() != TransactionType.INCOME)
                        .thenComparing(Summary.CategoryTotal::total, Comparator.reverseOrder())
                        .thenComparing(category -> category.categoryId() == null ? "\uffff" : category.name()))
                .toList();
        Map<UUID, String> names = new HashMap<>(people.displayNames(memberSums.keySet().stream().filter(Objects::nonNull).toList()));
        var byMember = memberSums.entrySet().stream()
                .map(member -> new Summary.MemberTotal(member.getKey(),
                        member.getKey() == null ? FORMER_MEMBER : names.getOrDefault(member.getKey(), UNKNOWN_MEMBER),
                        member.getValue()[TransactionType.INCOME.ordinal()], member.getValue()[TransactionType.EXPENSE.ordinal()]))
                .sorted(Comparator.comparing((Summary.MemberTotal member) -> member.income().add(member.expense()), Comparator.reverseOrder())
                        .thenComparing(member -> member.userId() == null ? "\uffff" : member.displayName()))
                .toList();

        return new Summary(currency, period, income, expense, balance, byMonth, byCategory, byMember);
    }
}
