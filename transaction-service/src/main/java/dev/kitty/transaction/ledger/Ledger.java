package dev.kitty.transaction.ledger;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.EntityTags;
import dev.kitty.platform.web.FieldError;
import dev.kitty.transaction.category.Categories;
import dev.kitty.transaction.category.CategoryType;
import dev.kitty.transaction.membership.BudgetAccess;
import dev.kitty.transaction.membership.BudgetRole;
import dev.kitty.transaction.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A budget's transactions: MEMBER+ records, VIEWER+ reads, the author (MEMBER+) or any ADMIN+ changes and deletes.
 * Every write publishes {@link TransactionWritten} (derived data) and a {@link TransactionChange} (the outbox) inside
 * its database transaction. Refusals change nothing: they are checked before anything is written, and the database
 * transaction rolls back with them.
 */
@Service
class Ledger {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final int YEARS_AHEAD = 10;
    static final int MAX_KEY = 200;
    static final int MAX_DESCRIPTION = 500;

    /** POST's answer: a new transaction, or the first answer to the same idempotency key and body. */
    sealed interface Recording {
        TransactionResponse response();

        record Created(TransactionResponse response) implements Recording {}

        record Replayed(TransactionResponse response) implements Recording {}
    }

    private final TransactionRepository transactions;
    private final IdempotencyRecords idempotency;
    private final Categories categories;
    private final BudgetAccess access;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    Ledger(TransactionRepository transactions, IdempotencyRecords idempotency, Categories categories, BudgetAccess access,
            ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.categories = categories;
        this.access = access;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Recording record(CurrentUser caller, UUID budgetId, TransactionRequest request, @Nullable String idempotencyKey) {
        var granted = access.grant(budgetId, caller, BudgetRole.MEMBER);
        validate(budgetId, request, granted.currency(), idempotencyKey);
        var now = clock.instant();
        if (idempotencyKey != null) {
            var hash = canonicalHash(request);
            if (!idempotency.claim(budgetId, caller.id(), idempotencyKey, hash, now)) {
                var stored = idempotency.find(budgetId, caller.id(), idempotencyKey).orElseThrow();
                if (!stored.requestHash().equals(hash)) {
                    throw new DomainException.Conflict("idempotency-key-reused",
                            "This Idempotency-Key was used for another request: use a new key for a new transaction.");
                }
                return new Recording.Replayed(json.readValue(Objects.requireNonNull(stored.responseBody()), TransactionResponse.class));
            }
        }
        var row = new TransactionRepository.Row(UUID.randomUUID(), budgetId, request.type(), request.amount(), request.occurredOn(),
                request.categoryId(), blankToNull(request.description()), caller.id(), now, caller.id(), now, 1);
        transactions.insert(row);
        var snapshot = row.in(granted.currency());
        events.publishEvent(new TransactionWritten(budgetId, null, snapshot.entry()));
        events.publishEvent(new TransactionChange.Recorded(snapshot));
        var response = TransactionResponse.from(snapshot);
        if (idempotencyKey != null) {
            idempotency.answer(budgetId, caller.id(), idempotencyKey, json.writeValueAsString(response));
        }
        return new Recording.Created(response);
    }

    @Transactional(readOnly = true)
    TransactionResponse get(CurrentUser caller, UUID budgetId, UUID transactionId) {
        var granted = access.grant(budgetId, caller, BudgetRole.VIEWER);
        return TransactionResponse.from(found(budgetId, transactionId, false).in(granted.currency()));
    }

    @Transactional(readOnly = true)
    Page<TransactionResponse> list(CurrentUser caller, UUID budgetId, TransactionRepository.Filter filter, Pageable page) {
        var granted = access.grant(budgetId, caller, BudgetRole.VIEWER);
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new DomainException.Invalid("validation", "Some fields are missing or invalid.",
                    List.of(new FieldError("from", "must not be after to")));
        }
        var rows = transactions.page(budgetId, filter, (int) page.getOffset(), page.getPageSize());
        // the count is needed only when the page does not tell the total itself
        long total = rows.size() < page.getPageSize() && (rows.size() > 0 || page.getOffset() == 0)
                ? page.getOffset() + rows.size()
                : transactions.count(budgetId, filter);
        return new PageImpl<>(rows.stream().map(row -> TransactionResponse.from(row.in(granted.currency()))).toList(), page, total);
    }

    @Transactional
    TransactionResponse update(CurrentUser caller, UUID budgetId, UUID transactionId, @Nullable String ifMatch, TransactionRequest request) {
        var granted = access.grant(budgetId, caller, BudgetRole.MEMBER);
        var before = found(budgetId, transactionId, true);
        requireAuthorOrAdmin(caller, granted.role(), before);
        EntityTags.requireMatch(ifMatch, before.version());
        validate(budgetId, request, granted.currency(), null);
        var now = clock.instant();
        var after = new TransactionRepository.Row(before.id(), budgetId, request.type(), request.amount(), request.occurredOn(),
                request.categoryId(), blankToNull(request.description()), before.createdBy(), before.createdAt(), caller.id(), now,
                before.version() + 1);
        transactions.update(after);
        var snapshot = after.in(granted.currency());
        events.publishEvent(new TransactionWritten(budgetId, before.in(granted.currency()).entry(), snapshot.entry()));
        events.publishEvent(new TransactionChange.Changed(snapshot));
        return TransactionResponse.from(snapshot);
    }

    @Transactional
    void delete(CurrentUser caller, UUID budgetId, UUID transactionId, @Nullable String ifMatch) {
        var granted = access.grant(budgetId, caller, BudgetRole.MEMBER);
        var before = found(budgetId, transactionId, true);
        requireAuthorOrAdmin(caller, granted.role(), before);
        EntityTags.requireMatch(ifMatch, before.version());
        transactions.delete(before.id());
        events.publishEvent(new TransactionWritten(budgetId, before.in(granted.currency()).entry(), null));
        events.publishEvent(new TransactionChange.Deleted(before.id(), budgetId, caller.id(), clock.instant()));
    }

    private TransactionRepository.Row found(UUID budgetId, UUID transactionId, boolean forUpdate) {
        return transactions.find(budgetId, transactionId, forUpdate).orElseThrow(() -> new DomainException.NotFound("No such transaction."));
    }

    /** A MEMBER changes only what they recorded; a former member's transactions only an ADMIN+. */
    private static void requireAuthorOrAdmin(CurrentUser caller, BudgetRole role, TransactionRepository.Row transaction) {
        if (!role.includes(BudgetRole.ADMIN) && !caller.id().equals(transaction.createdBy())) {
            throw new DomainException.Forbidden("Members change only the transactions they recorded.");
        }
    }

    private void validate(UUID budgetId, TransactionRequest request, String currency, @Nullable String idempotencyKey) {
        var errors = problems(request, currency, LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                categoryId -> categories.typeOf(budgetId, categoryId));
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
            errors.add(new FieldError("Idempotency-Key", "must be 1 to " + MAX_KEY + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid("validation", "Some fields are missing or invalid.", errors);
        }
    }

    /**
     * The rules of a transaction, for the API and the CSV import alike: amount (positive, the currency's digits, below the
     * limit), date in the sane range, category of the budget and of the transaction's type, description without control
     * characters and at most {@value #MAX_DESCRIPTION} characters.
     *
     * @param today        today in UTC, for the latest date accepted
     * @param categoryType the type of a category of the budget, empty when it is none of the budget's
     * @return what is wrong, in a mutable list (empty when nothing is)
     */
    static List<FieldError> problems(TransactionRequest request, String currency, LocalDate today,
            Function<UUID, Optional<CategoryType>> categoryType) {
        var errors = new ArrayList<FieldError>();
        Money.check("amount", request.amount(), currency, errors);
        var latest = today.plusYears(YEARS_AHEAD);
        if (request.occurredOn().isBefore(EARLIEST) || request.occurredOn().isAfter(latest)) {
            errors.add(new FieldError("occurredOn", "must be between " + EARLIEST + " and " + latest));
        }
        if (request.categoryId() != null) {
            var type = categoryType.apply(request.categoryId());
            if (type.isEmpty()) {
                errors.add(new FieldError("categoryId", "is no category of this budget"));
            } else if (!type.get().name().equals(request.type().name())) {
                errors.add(new FieldError("categoryId", "is a " + type.get() + " category, not " + request.type()));
            }
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (request.description() != null && request.description().codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.add(new FieldError("description", "must not contain control characters"));
        }
        return errors;
    }

    /** The parsed request in one canonical form (amounts compared by value: "12.5" and 12.50 are the same). */
    static String canonicalHash(TransactionRequest request) {
        var canonical = String.join("\u001f", request.type().name(), Money.canonical(request.amount()), request.occurredOn().toString(),
                String.valueOf(request.categoryId()), String.valueOf(blankToNull(request.description())));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
