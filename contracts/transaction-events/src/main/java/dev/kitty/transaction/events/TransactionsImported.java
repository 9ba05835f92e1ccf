package dev.kitty.transaction.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Transactions recorded in a budget by one CSV import, in parts of at most {@value #MAX_PER_PART}: an import of
 * 100,000 lines is 200 events rather than 100,000 {@link TransactionRecorded}. A reader that keeps a copy treats each
 * item as a {@code TransactionRecorded} of version 1 by {@code importedBy} at {@code importedAt}. The parts of one
 * import share {@code importId}; {@code part} counts from 1 to {@code parts}, and they may arrive in any order.
 * Money is a decimal string in {@code currency}.
 *
 * @param importedBy who imported the file; absent once their account is deleted
 */
public record TransactionsImported(
        UUID importId,
        UUID budgetId,
        String currency,
        UUID importedBy,
        Instant importedAt,
        int part,
        int parts,
        List<Item> transactions) {

    public static final int MAX_PER_PART = 500;

    /** The other fields are required: an event missing one fails to decode and is dead-lettered. */
    public TransactionsImported {
        Objects.requireNonNull(importId, "importId");
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(importedAt, "importedAt");
        transactions = List.copyOf(Objects.requireNonNull(transactions, "transactions"));
        if (part < 1 || part > parts) {
            throw new IllegalArgumentException("part must be between 1 and parts");
        }
        if (transactions.isEmpty() || transactions.size() > MAX_PER_PART) {
            throw new IllegalArgumentException("a part carries 1 to " + MAX_PER_PART + " transactions");
        }
    }

    /**
     * One imported transaction: {@code type} INCOME or EXPENSE, {@code amount} positive.
     *
     * @param categoryId  null when uncategorised (the key is always present)
     * @param description null when none was given
     * @param externalId  the file's id for the line, null when it had none
     */
    public record Item(UUID transactionId, String type, String amount, LocalDate occurredOn, UUID categoryId, String description,
            String externalId) {

        public Item {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(occurredOn, "occurredOn");
        }
    }
}
