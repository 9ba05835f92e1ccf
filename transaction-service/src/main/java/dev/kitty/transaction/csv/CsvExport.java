package dev.kitty.transaction.csv;

import dev.kitty.transaction.ledger.LedgerFiles;
import dev.kitty.transaction.money.Money;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Writes a budget's transactions of a period as CSV, row by row, as the database cursor hands them over. */
@Component
class CsvExport {

    private final LedgerFiles files;

    CsvExport(LedgerFiles files) {
        this.files = files;
    }

    /** The caller has checked access: this runs after the response has started. */
    void write(UUID budgetId, String currency, @Nullable LocalDate from, @Nullable LocalDate to, OutputStream out) throws IOException {
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        var printer = new CSVPrinter(writer, CsvColumns.EXPORT);
        files.export(budgetId, from, to, row -> printer.printRecord(row.id(), row.occurredOn(), row.type(),
                Money.format(row.amount(), currency), currency, CsvColumns.guarded(row.category()), CsvColumns.guarded(row.description()),
                row.createdBy() == null ? "" : row.createdBy(), row.externalId() == null ? "" : row.externalId()));
        printer.flush();
    }
}
