package dev.kitty.transaction.ledger;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import dev.kitty.transaction.category.CategoryType;
import dev.kitty.transaction.events.TransactionsImported;
import dev.kitty.transaction.membership.BudgetAccess;
import dev.kitty.transaction.membership.BudgetRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger in bulk, for the CSV export and import (ADR 16): a streamed read of a period, and a batch of new
 * transactions checked by the same rules as {@code POST /transactions} ({@link Ledger#problems}) and written with batched
 * inserts. For derived data it publishes one {@link TransactionsRecorded} in place of a {@link TransactionWritten} a row;
 * for the outbox, {@link TransactionChange.Imported} parts in place of a {@link TransactionChange.Recorded} a row. Access checks are the caller's ({@link #grant}).
 */
@Service
public class LedgerFiles {

    /** Rows fetched per round trip while exporting: a million rows never sit in memory. */
    static final int FETCH_SIZE = 1_000;
    static final int BATCH_SIZE = 1_000;
    public static final int MAX_EXTERNAL_ID = 200;

    /** One exported transaction; {@code category} is its name, {@code createdBy} null for a former member. */
    public record ExportedRow(UUID id, LocalDate occurredOn, TransactionType type, BigDecimal amount, @Nullable String category,
            @Nullable String description, @Nullable UUID createdBy, @Nullable String externalId) {}

    /** Receives exported rows one by one; may write them out. */
    @FunctionalInterface
    public interface RowSink {
        void accept(ExportedRow row) throws IOException;
    }

    /** A transaction to import. */
    public record NewTransaction(TransactionType type, BigDecimal amount, LocalDate occurredOn, @Nullable UUID categoryId,
            @Nullable String description, @Nullable String externalId) {}

    /** An existing transaction, as the duplicate rule compares it. */
    public record Existing(UUID id, TransactionType type, BigDecimal amount, LocalDate occurredOn, @Nullable String description) {}

    private final BudgetAccess access;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate streaming;
    private final JdbcTemplate batches;
    private final Clock clock;

    LedgerFiles(BudgetAccess access, ApplicationEventPublisher events, DataSource dataSource, Clock clock) {
        this.access = access;
        this.events = events;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.batches = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** The guard, as every endpoint has it. */
    @Transactional(readOnly = true)
    public BudgetAccess.Granted grant(UUID budgetId, CurrentUser caller, BudgetRole minimum) {
        return access.grant(budgetId, caller, minimum);
    }

    /**
     * The budget's transactions of the period (bounds inclusive, null open), oldest first (date, then recording time, then
     * id), read with a cursor ({@value #FETCH_SIZE} rows a fetch: autocommit is off inside this read-only transaction, so
     * the PostgreSQL driver streams) and handed to {@code sink} one by one.
     */
    @Transactional(readOnly = true)
    public void export(UUID budgetId, @Nullable LocalDate from, @Nullable LocalDate to, RowSink sink) {
        var sql = new StringBuilder("""
                SELECT t.id, t.occurred_on, t.type, t.amount, c.name AS category, t.description, t.created_by, t.external_id
                FROM ledger_transaction t LEFT JOIN category c ON c.id = t.category_id
                WHERE t.budget_id = ?""");
        var params = new ArrayList<Object>();
        params.add(budgetId);
        if (from != null) {
            sql.append(" AND t.occurred_on >= ?");
            params.add(Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND t.occurred_on <= ?");
            params.add(Date.valueOf(to));
        }
        sql.append(" ORDER BY t.occurred_on, t.created_at, t.id");
        streaming.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql.toString());
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            return statement;
        }, (RowCallbackHandler) result -> {
            try {
                sink.accept(new ExportedRow(result.getObject("id", UUID.class), result.getObject("occurred_on", LocalDate.class),
                        TransactionType.valueOf(result.getString("type")), result.getBigDecimal("amount"), result.getString("category"),
                        result.getString("description"), result.getObject("created_by", UUID.class), result.getString("external_id")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * What is wrong with a transaction to import, by the API's rules (field names as the API's: amount, occurredOn,
     * categoryId, description), plus the length of its external id.
     */
    public List<FieldError> problems(NewTransaction transaction, String currency, Function<UUID, Optional<CategoryType>> categoryType) {
        var errors = Ledger.problems(new TransactionRequest(transaction.type(), transaction.amount(), transaction.occurredOn(),
                transaction.categoryId(), transaction.description()), currency, LocalDate.now(clock.withZone(ZoneOffset.UTC)), categoryType);
        if (transaction.externalId() != null && (transaction.externalId().isEmpty() || transaction.externalId().length() > MAX_EXTERNAL_ID)) {
            errors.add(new FieldError("externalId", "must be 1 to " + MAX_EXTERNAL_ID + " characters"));
        }
        return errors;
    }

    /** The budget's transactions carrying one of these external ids, by external id. */
    @Transactional(readOnly = true)
    public Map<String, UUID> withExternalIds(UUID budgetId, Collection<String> externalIds) {
        var found = new HashMap<String, UUID>();
        if (externalIds.isEmpty()) {
            return found;
        }
        batches.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT external_id, id FROM ledger_transaction WHERE budget_id = ? AND external_id = ANY(?)");
            statement.setObject(1, budgetId);
            statement.setArray(2, connection.createArrayOf("text", externalIds.toArray()));
            return statement;
        }, (RowCallbackHandler) result -> found.put(result.getString("external_id"), result.getObject("id", UUID.class)));
        return found;
    }

    /** The budget's transactions on these dates, oldest recorded first, for the duplicate rule. */
    @Transactional(readOnly = true)
    public List<Existing> onDates(UUID budgetId, Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        return batches.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT id, type, amount, occurred_on, description FROM ledger_transaction
                    WHERE budget_id = ? AND occurred_on = ANY(?) ORDER BY created_at, id""");
            statement.setObject(1, budgetId);
            statement.setArray(2, connection.createArrayOf("date", dates.stream().map(Date::valueOf).toArray()));
            return statement;
        }, (result, index) -> new Existing(result.getObject("id", UUID.class), TransactionType.valueOf(result.getString("type")),
                result.getBigDecimal("amount"), result.getObject("occurred_on", LocalDate.class), result.getString("description")));
    }

    /**
     * Records the transactions in batches, as {@code caller} (MEMBER+), inside the caller's database transaction,
     * publishing one {@link TransactionsRecorded} and a {@link TransactionChange.Imported} per part. The caller has
     * checked them with {@link #problems}; this checks them again and refuses the whole batch if any is wrong.
     *
     * @return the new ids, in the order given
     * @throws DomainException.Conflict {@code external-id-taken} when a concurrent import took one of the external ids
     */
    @Transactional
    public List<UUID> record(CurrentUser caller, UUID budgetId, List<NewTransaction> transactions,
            Function<UUID, Optional<CategoryType>> categoryType) {
        var granted = access.grant(budgetId, caller, BudgetRole.MEMBER);
        for (var transaction : transactions) {
            if (!problems(transaction, granted.currency(), categoryType).isEmpty()) {
                throw new DomainException.Invalid("validation", "Some fields are missing or invalid.",
                        problems(transaction, granted.currency(), categoryType));
            }
        }
        var now = clock.instant();
        var rows = new ArrayList<TransactionRepository.Row>(transactions.size());
        var externalIds = new ArrayList<@Nullable String>(transactions.size());
        for (var transaction : transactions) {
            rows.add(new TransactionRepository.Row(UUID.randomUUID(), budgetId, transaction.type(), transaction.amount(), transaction.occurredOn(),
                    transaction.categoryId(), Ledger.blankToNull(transaction.description()), caller.id(), now, caller.id(), now, 1));
            externalIds.add(transaction.externalId());
        }
        var at = now.atOffset(ZoneOffset.UTC);
        try {
            for (int start = 0; start < rows.size(); start += BATCH_SIZE) {
                var end = Math.min(rows.size(), start + BATCH_SIZE);
                var chunk = rows.subList(start, end);
                var chunkIds = externalIds.subList(start, end);
                batches.batchUpdate("""
                        INSERT INTO ledger_transaction (id, budget_id, type, amount, occurred_on, category_id, description, external_id,
                                                        created_by, created_at, updated_by, updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws java.sql.SQLException {
                        var row = chunk.get(i);
                        statement.setObject(1, row.id());
                        statement.setObject(2, row.budgetId());
                        statement.setString(3, row.type().name());
                        statement.setBigDecimal(4, row.amount());
                        statement.setObject(5, row.occurredOn());
                        statement.setObject(6, row.categoryId());
                        statement.setString(7, row.description());
                        statement.setString(8, chunkIds.get(i));
                        statement.setObject(9, row.createdBy());
                        statement.setObject(10, at);
                        statement.setObject(11, row.updatedBy());
                        statement.setObject(12, at);
                        statement.setLong(13, row.version());
                    }

                    @Override
                    public int getBatchSize() {
                        return chunk.size();
                    }
                });
            }
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("external-id-taken",
                    "Another request recorded a transaction with one of these external ids meanwhile: import the file again.");
        }
        var ids = new ArrayList<UUID>(rows.size());
        var entries = new ArrayList<TransactionWritten.Entry>(rows.size());
        var imported = new ArrayList<TransactionChange.ImportedTransaction>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var snapshot = rows.get(i).in(granted.currency());
            entries.add(snapshot.entry());
            imported.add(new TransactionChange.ImportedTransaction(snapshot, externalIds.get(i)));
            ids.add(snapshot.id());
        }
        // one event for the whole file: derived data applies it as one batch of summed deltas, not one statement a row
        events.publishEvent(new TransactionsRecorded(budgetId, entries));
        // and the outbox gets a row per part, not per line (ADR 16)
        var importId = UUID.randomUUID();
        int parts = Math.ceilDiv(imported.size(), TransactionsImported.MAX_PER_PART);
        for (int part = 0; part < parts; part++) {
            var from = part * TransactionsImported.MAX_PER_PART;
            events.publishEvent(new TransactionChange.Imported(importId, budgetId, granted.currency(), caller.id(), now, part + 1, parts,
                    imported.subList(from, Math.min(imported.size(), from + TransactionsImported.MAX_PER_PART))));
        }
        return ids;
    }
}
