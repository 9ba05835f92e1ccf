package dev.kitty.transaction.csv;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import dev.kitty.transaction.category.Categories;
import dev.kitty.transaction.category.CategoryType;
import dev.kitty.transaction.category.CategoryView;
import dev.kitty.transaction.ledger.LedgerFiles;
import dev.kitty.transaction.ledger.TransactionType;
import dev.kitty.transaction.membership.BudgetRole;
import dev.kitty.transaction.money.Money;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a CSV file of transactions into a budget, all or nothing (ADR 16): every line is checked by the ledger's
 * rules first; a single error and nothing is written. Duplicates are reported and skipped: a line whose
 * {@code externalId} the budget (or an earlier line) already has; without one, a line with the date, type, amount and
 * description of an existing transaction, each existing transaction matching at most one line (a multiset). Lines
 * that repeat each other inside the file without an external id are all imported: two coffees on one day are two.
 */
@Service
class CsvImport {

    static final String SAME_CONTENT = "same date, amount and description";
    static final String EXTERNAL_ID = "externalId";
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,10})?");
    private static final Pattern START_LINE = Pattern.compile("\\(startline ([\\d,.]+)\\)|\\(line ([\\d,.]+)\\)");

    private final LedgerFiles files;
    private final Categories categories;

    CsvImport(LedgerFiles files, Categories categories) {
        this.files = files;
        this.categories = categories;
    }

    private record Line(long number, LedgerFiles.NewTransaction transaction) {}

    @Transactional
    ImportResponse run(CurrentUser caller, UUID budgetId, byte[] file, boolean dryRun) {
        var currency = files.grant(budgetId, caller, BudgetRole.MEMBER).currency();
        var text = utf8(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var lineStarts = lineStarts(text);
        var byName = new HashMap<String, CategoryView>();
        var typeById = new HashMap<UUID, CategoryType>();
        for (var category : categories.ofBudget(budgetId)) {
            byName.put(category.name().toLowerCase(Locale.ROOT), category);
            typeById.put(category.id(), category.type());
        }
        var lines = new ArrayList<Line>();
        var errors = new ArrayList<ImportResponse.LineError>();
        int skipped = 0;
        try (var parser = CsvColumns.IMPORT.parse(new StringReader(text))) {
            var columns = columns(parser);
            var iterator = parser.iterator();
            long lastLine = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    errors.add(new ImportResponse.LineError(failedLine(e, lastLine + 1),
                            "is not valid CSV (RFC 4180): " + reason(e) + "; nothing after it was read"));
                    break;
                }
                long number = lineOf(lineStarts, record.getCharacterPosition());
                lastLine = number;
                if (record.size() == 1 && record.get(0).isBlank()) {
                    skipped++;
                    continue;
                }
                if (record.size() != columns.size()) {
                    errors.add(new ImportResponse.LineError(number,
                            "has " + record.size() + " fields, the header has " + columns.size()));
                    continue;
                }
                parse(number, record, columns, currency, byName, typeById, lines, errors);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DomainException.Invalid("csv-unreadable", "The file is not valid CSV: " + reason(e));
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("csv-header", "The header row (line 1) is not usable: " + e.getMessage());
        }
        var duplicates = new ArrayList<ImportResponse.Duplicate>();
        var toImport = withoutDuplicates(budgetId, lines, duplicates);
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Long.compare(a.line(), b.line()));
            return new ImportResponse(0, skipped, duplicates, errors);
        }
        if (!dryRun && !toImport.isEmpty()) {
            files.record(caller, budgetId, toImport.stream().map(Line::transaction).toList(),
                    id -> Optional.ofNullable(typeById.get(id)));
        }
        return new ImportResponse(toImport.size(), skipped, duplicates, errors);
    }

    /** The header's columns, lower-cased, in file order; a missing required or an unknown column refuses the file. */
    private static List<String> columns(CSVParser parser) {
        var names = parser.getHeaderNames().stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        var missing = CsvColumns.REQUIRED.stream().filter(name -> !names.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new DomainException.Invalid("csv-columns-missing",
                    "The header row (line 1) must name the columns type, amount and occurredOn; missing: " + String.join(", ", missing) + ".");
        }
        var unknown = names.stream().filter(name -> !CsvColumns.REQUIRED.contains(name) && !CsvColumns.OPTIONAL.contains(name)
                && !CsvColumns.EXPORT_ONLY.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new DomainException.Invalid("csv-columns-unknown", "The header row (line 1) names unknown columns: "
                    + String.join(", ", unknown) + ". Known: type, amount, occurredOn, category, description, externalId"
                    + " (and the export's id, currency, createdBy, which are read past).");
        }
        return names;
    }

    private void parse(long number, CSVRecord record, List<String> columns, String currency, Map<String, CategoryView> byName,
            Map<UUID, CategoryType> typeById, List<Line> lines, List<ImportResponse.LineError> errors) {
        var cells = new HashMap<String, String>();
        for (int i = 0; i < columns.size(); i++) {
            cells.put(columns.get(i), record.get(i));
        }
        var problems = new ArrayList<String>();
        TransactionType type = null;
        var typeText = cells.get("type").strip();
        try {
            type = TransactionType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("type: must be INCOME or EXPENSE");
        }
        BigDecimal amount = null;
        var amountText = cells.get("amount").strip();
        if (AMOUNT.matcher(amountText).matches()) {
            amount = new BigDecimal(amountText);
        } else {
            problems.add("amount: must be a positive decimal number like 12.50");
        }
        LocalDate occurredOn = null;
        try {
            occurredOn = LocalDate.parse(cells.get("occurredon").strip());
        } catch (DateTimeParseException e) {
            problems.add("occurredOn: must be a date like 2026-05-01");
        }
        var fileCurrency = cells.getOrDefault("currency", "").strip();
        if (!fileCurrency.isEmpty() && !fileCurrency.equalsIgnoreCase(currency)) {
            problems.add("currency: is " + fileCurrency + ", the budget's is " + currency);
        }
        UUID categoryId = null;
        var categoryName = cells.getOrDefault("category", "").strip();
        if (!categoryName.isEmpty()) {
            var category = byName.get(categoryName.toLowerCase(Locale.ROOT));
            if (category == null) {
                problems.add("category: no category named \"" + categoryName + "\" in this budget");
            } else {
                categoryId = category.id();
            }
        }
        // a spreadsheet on Windows writes CRLF inside quoted cells; the ledger keeps LF line breaks
        var rawDescription = blankToNull(cells.get("description"));
        var description = rawDescription == null ? null : rawDescription.replace("\r\n", "\n");
        var externalId = blankToNull(cells.get("externalid"));
        if (type != null && amount != null && occurredOn != null) {
            var transaction = new LedgerFiles.NewTransaction(type, amount, occurredOn, categoryId, description, externalId);
            for (FieldError error : files.problems(transaction, currency, id -> Optional.ofNullable(typeById.get(id)))) {
                problems.add(("categoryId".equals(error.field()) ? "category" : error.field()) + ": " + error.message());
            }
            if (problems.isEmpty()) {
                lines.add(new Line(number, transaction));
            }
        }
        if (!problems.isEmpty()) {
            errors.add(new ImportResponse.LineError(number, String.join("; ", problems)));
        }
    }

    /** Reports and drops duplicates (see the class comment); returns the lines to import, in file order. */
    private List<Line> withoutDuplicates(UUID budgetId, List<Line> lines, List<ImportResponse.Duplicate> duplicates) {
        var externalIds = new HashSet<String>();
        var dates = new TreeSet<LocalDate>();
        for (var line : lines) {
            if (line.transaction().externalId() != null) {
                externalIds.add(line.transaction().externalId());
            } else {
                dates.add(line.transaction().occurredOn());
            }
        }
        var byExternalId = files.withExternalIds(budgetId, externalIds);
        var byContent = new HashMap<String, ArrayDeque<UUID>>();
        for (var existing : files.onDates(budgetId, dates)) {
            byContent.computeIfAbsent(content(existing.occurredOn(), existing.type(), existing.amount(), existing.description()),
                    key -> new ArrayDeque<>()).add(existing.id());
        }
        var seen = new HashSet<String>();
        var kept = new ArrayList<Line>();
        for (var line : lines) {
            var transaction = line.transaction();
            if (transaction.externalId() != null) {
                var existing = byExternalId.get(transaction.externalId());
                if (existing != null || !seen.add(transaction.externalId())) {
                    duplicates.add(new ImportResponse.Duplicate(line.number(), existing, EXTERNAL_ID));
                    continue;
                }
            } else {
                var matches = byContent.get(content(transaction.occurredOn(), transaction.type(), transaction.amount(),
                        transaction.description()));
                if (matches != null && !matches.isEmpty()) {
                    duplicates.add(new ImportResponse.Duplicate(line.number(), matches.poll(), SAME_CONTENT));
                    continue;
                }
            }
            kept.add(line);
        }
        return kept;
    }

    private static String content(LocalDate date, TransactionType type, BigDecimal amount, @Nullable String description) {
        return date + "\u001f" + type + "\u001f" + Money.canonical(amount) + "\u001f" + (description == null ? "" : description);
    }

    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new DomainException.Invalid("csv-not-utf8",
                    "The file is not valid UTF-8 (perhaps Latin-1 or Windows-1252): save it as UTF-8 and import it again. Nothing was imported.");
        }
    }

    /** Offsets where each physical line starts: after every LF, and after every CR not followed by LF. */
    private static int[] lineStarts(String text) {
        var starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The 1-based physical line holding the character at {@code position}. */
    private static long lineOf(int[] lineStarts, long position) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return (found >= 0 ? found : -found - 2) + 1;
    }

    private static long failedLine(Exception e, long fallback) {
        var message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
        var matcher = START_LINE.matcher(message);
        if (matcher.find()) {
            var digits = (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).replaceAll("[,.]", "");
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException ignored) {
                return fallback;
            }
        }
        return fallback;
    }

    private static String reason(Exception e) {
        var cause = e.getCause() != null ? e.getCause() : e;
        var message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is never closed";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "a closing quote is followed by more text (write a quote inside a quoted field as two quotes)";
        }
        return message.replaceAll("\\(startline [\\d,.]+\\)|\\(line [\\d,.]+\\)", "").strip();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
