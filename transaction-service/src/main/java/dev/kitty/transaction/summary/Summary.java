package dev.kitty.transaction.summary;

import dev.kitty.transaction.ledger.TransactionType;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A budget's money over a {@link Period}, in its currency (amounts unscaled here; the web layer writes the currency's digits). */
record Summary(String currency, Period period, BigDecimal income, BigDecimal expense, BigDecimal balance,
        List<Month> byMonth, List<CategoryTotal> byCategory, List<MemberTotal> byMember) {

    BigDecimal net() {
        return income.subtract(expense);
    }

    record Month(YearMonth month, BigDecimal income, BigDecimal expense) {
        BigDecimal net() {
            return income.subtract(expense);
        }
    }

    /** {@code categoryId} null: the uncategorised transactions of that type. */
    record CategoryTotal(@Nullable UUID categoryId, String name, TransactionType type, BigDecimal total, @Nullable BigDecimal monthlyLimit) {
    }

    /** {@code userId} null: transactions whose author's account is gone. */
    record MemberTotal(@Nullable UUID userId, String displayName, BigDecimal income, BigDecimal expense) {
    }
}
