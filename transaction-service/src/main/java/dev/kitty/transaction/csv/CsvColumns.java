package dev.kitty.transaction.csv;

import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.jspecify.annotations.Nullable;

/** The file format: the export's header, RFC 4180 both ways, and the spreadsheet formula guard. */
final class CsvColumns {

    static final List<String> EXPORT_HEADER =
            List.of("id", "occurredOn", "type", "amount", "currency", "category", "description", "createdBy", "externalId");

    /** What an import needs; matched whatever their case. */
    static final List<String> REQUIRED = List.of("type", "amount", "occurredon");
    static final List<String> OPTIONAL = List.of("category", "description", "externalid");
    /** Columns of the export that an import reads past ({@code currency} is checked against the budget's). */
    static final List<String> EXPORT_ONLY = List.of("id", "currency", "createdby");

    /** RFC 4180: comma, double quotes doubled inside quoted fields, CRLF between records. */
    static final CSVFormat EXPORT = CSVFormat.RFC4180.builder().setHeader(EXPORT_HEADER.toArray(String[]::new)).get();

    /** The header comes from the file's first line; empty lines reach the importer, which counts them as skipped. */
    static final CSVFormat IMPORT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(false).setAllowMissingColumnNames(false).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setTrailingData(false).setLenientEof(false)
            .get();

    private CsvColumns() {
    }

    /**
     * OWASP's CSV injection defence: a text cell starting with {@code =}, {@code +}, {@code -} or {@code @} would be a
     * formula to a spreadsheet, so it gets a leading apostrophe. The import takes cells as they are (it strips nothing).
     */
    static @Nullable String guarded(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + text : text;
    }
}
