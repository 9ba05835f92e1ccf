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

    private Summary summarise(UUID budgetId, String currency, Period period) {
        var months = new LinkedHashMap<YearMonth, BigDecimal[]>();
        period.months().forEach(month -> months.put(month, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO}));
        jdbc.sql("""
                SELECT month, type, sum(total) AS total FROM monthly_rollup
                WHERE budget_id = :budgetId AND month BETWEEN :from AND :to
                GROUP BY month, type
                """)
                .param("budgetId", budgetId).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    var sums = months.get(YearMonth.from(rs.getObject("month", LocalDate.class)));
                    sums[TransactionType.valueOf(rs.getString("type")).ordinal()] = rs.getBigDecimal("total");
                });
        var byMonth = months.entrySet().stream()
                .map(month -> new Summary.Month(month.getKey(), month.getValue()[TransactionType.INCOME.ordinal()],
                        month.getValue()[TransactionType.EXPENSE.ordinal()]))
                .toList();
        var income = byMonth.stream().map(Summary.Month::income).reduce(BigDecimal.ZERO, BigDecimal::add);
        var expense = byMonth.stream().map(Summary.Month::expense).reduce(BigDecimal.ZERO, BigDecimal::add);

        var balance = jdbc.sql("""
                SELECT coalesce(sum(CASE WHEN type = 'INCOME' THEN total ELSE -total END), 0) FROM monthly_rollup
                WHERE budget_id = :budgetId AND month <= :to
                """)
                .param("budgetId", budgetId).param("to", period.to())
                .query(BigDecimal.class).single();

        // a category deleted a moment ago whose rows are not merged yet would show by its id as uncategorised
        var byCategory = jdbc.sql("""
                SELECT r.category_id, c.name, r.type, sum(r.total) AS total, c.monthly_limit
                FROM monthly_rollup r LEFT JOIN category c ON c.id = r.category_id
                WHERE r.budget_id = :budgetId AND r.month BETWEEN :from AND :to
                GROUP BY r.category_id, c.name, r.type, c.monthly_limit
                ORDER BY r.type DESC, total DESC, c.name NULLS LAST
                """)
                .param("budgetId", budgetId).param("from", period.from()).param("to", period.to())
                .query((rs, row) -> new Summary.CategoryTotal(rs.getObject("category_id", UUID.class),
                        Objects.requireNonNullElse(rs.getString("name"), UNCATEGORISED), TransactionType.valueOf(rs.getString("type")),
                        rs.getBigDecimal("total"), rs.getBigDecimal("monthly_limit")))
                .list();

        var memberSums = new LinkedHashMap<@Nullable UUID, BigDecimal[]>();
        jdbc.sql("""
                SELECT member_id, type, sum(total) AS total FROM monthly_rollup
                WHERE budget_id = :budgetId AND month BETWEEN :from AND :to
                GROUP BY member_id, type
                ORDER BY member_id NULLS LAST
                """)
                .param("budgetId", budgetId).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    var sums = memberSums.computeIfAbsent(rs.getObject("member_id", UUID.class),
                            id -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    sums[TransactionType.valueOf(rs.getString("type")).ordinal()] = rs.getBigDecimal("total");
                });
        Map<UUID, String> names = new HashMap<>(people.displayNames(memberSums.keySet().stream().filter(Objects::nonNull).toList()));
        var byMember = memberSums.entrySet().stream()
                .map(member -> new Summary.MemberTotal(member.getKey(),
                        member.getKey() == null ? FORMER_MEMBER : names.getOrDefault(member.getKey(), UNKNOWN_MEMBER),
                        member.getValue()[TransactionType.INCOME.ordinal()], member.getValue()[TransactionType.EXPENSE.ordinal()]))
                .sorted((a, b) -> b.income().add(b.expense()).compareTo(a.income().add(a.expense())))
                .toList();

        return new Summary(currency, period, income, expense, balance, byMonth, byCategory, byMember);
    }
}
