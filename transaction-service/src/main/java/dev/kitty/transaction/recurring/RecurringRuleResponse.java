package dev.kitty.transaction.recurring;

import dev.kitty.transaction.ledger.TransactionType;
import dev.kitty.transaction.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rule; {@code nextOccurrence} is the next date it posts on (null once it is finished); {@code createdBy}/{@code updatedBy}
 * are null for a former member (their account is deleted).
 */
record RecurringRuleResponse(UUID id, TransactionType type, String amount, String currency, @Nullable UUID categoryId,
        @Nullable String description, Frequency frequency, int interval, LocalDate startOn, @Nullable LocalDate endOn,
        @Nullable LocalDate nextOccurrence, @Nullable UUID createdBy, Instant createdAt, @Nullable UUID updatedBy, Instant updatedAt,
        long version) {

    static RecurringRuleResponse from(RecurringRuleRepository.Rule rule, String currency) {
        return new RecurringRuleResponse(rule.id(), rule.type(), Money.format(rule.amount(), currency), currency, rule.categoryId(),
                rule.description(), rule.frequency(), rule.interval(), rule.startOn(), rule.endOn(), rule.nextOccurrence(), rule.createdBy(),
                rule.createdAt(), rule.updatedBy(), rule.updatedAt(), rule.version());
    }
}
