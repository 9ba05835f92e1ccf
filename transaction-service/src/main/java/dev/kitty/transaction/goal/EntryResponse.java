package dev.kitty.transaction.goal;

import dev.kitty.transaction.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a goal's ledger: a signed decimal string (negative takes money out); {@code month} the closed month
 * of a SURPLUS or ADJUSTMENT; {@code createdBy} the member of a CONTRIBUTION or WITHDRAWAL (null for the month
 * close's entries and for a former member).
 */
record EntryResponse(UUID id, UUID goalId, @Nullable YearMonth month, String amount, EntryKind kind, @Nullable UUID createdBy, Instant createdAt) {

    static EntryResponse from(GoalEntryRow entry, String currency) {
        return new EntryResponse(entry.id(), entry.goalId(), entry.month(), Money.format(entry.amount(), currency), entry.kind(),
                entry.createdBy(), entry.createdAt());
    }
}
