package dev.kitty.transaction.ledger;

import dev.kitty.platform.web.FieldError;
import dev.kitty.transaction.category.Categories;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's door for transactions that no request records: the occurrences of recurring rules. A posted occurrence
 * is a transaction like any other (the same rules, {@link TransactionWritten} for the rollups, the
 * {@link TransactionChange.Recorded} outbox event), linked to its rule, and posted at most once per rule and date.
 */
@Service
public class LedgerPostings {

    /** One occurrence of a rule: the transaction to post on {@code occurrenceOn}; {@code author} null for a former member. */
    public record Occurrence(UUID ruleId, UUID budgetId, LocalDate occurrenceOn, TransactionType type, BigDecimal amount,
            @Nullable UUID categoryId, @Nullable String description, @Nullable UUID author) {}

    private final OccurrenceRepository occurrences;
    private final Categories categories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LedgerPostings(OccurrenceRepository occurrences, Categories categories, ApplicationEventPublisher events, Clock clock) {
        this.occurrences = occurrences;
        this.categories = categories;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The ledger's rules of a transaction's amount, category and description (those of POST /transactions), for a
     * transaction to be recorded later; the date is the caller's to check.
     *
     * @return what is wrong, in a mutable list (empty when nothing is); fields named as in a transaction
     */
    @Transactional(readOnly = true)
    public List<FieldError> problems(UUID budgetId, String currency, TransactionType type, BigDecimal amount, @Nullable UUID categoryId,
            @Nullable String description) {
        var today = LocalDate.now(clock);
        var errors = Ledger.problems(new TransactionRequest(type, amount, today, categoryId, description), currency, today,
                category -> categories.typeOf(budgetId, category));
        errors.removeIf(error -> error.field().equals("occurredOn"));
        return errors;
    }

    /**
     * Posts the occurrence inside the caller's database transaction, unless it is posted already.
     *
     * @param currency the budget's currency
     * @return the new transaction, or empty when this rule's occurrence on that date exists (nothing is published)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<TransactionSnapshot> post(Occurrence occurrence, String currency) {
        var now = clock.instant();
        var row = new TransactionRepository.Row(UUID.randomUUID(), occurrence.budgetId(), occurrence.type(), occurrence.amount(),
                occurrence.occurrenceOn(), occurrence.categoryId(), Ledger.blankToNull(occurrence.description()), occurrence.author(), now,
                occurrence.author(), now, 1, occurrence.ruleId());
        if (!occurrences.insertUnlessPosted(row, occurrence.ruleId(), occurrence.occurrenceOn())) {
            return Optional.empty();
        }
        var snapshot = row.in(currency);
        events.publishEvent(new TransactionWritten(occurrence.budgetId(), null, snapshot.entry()));
        events.publishEvent(new TransactionChange.Recorded(snapshot));
        return Optional.of(snapshot);
    }
}
