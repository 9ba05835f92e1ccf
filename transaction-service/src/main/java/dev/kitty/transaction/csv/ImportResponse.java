package dev.kitty.transaction.csv;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The import's report. {@code imported} is what was written (with {@code dryRun}, what would be); 0 whenever
 * {@code errors} is not empty, since an import is all or nothing. Lines are the file's physical lines (header = 1).
 */
record ImportResponse(int imported, int skipped, List<Duplicate> duplicates, List<LineError> errors) {

    /** A line not imported because it matched a transaction: {@code transactionId} null when it matched an earlier line. */
    record Duplicate(long line, @Nullable UUID transactionId, String reason) {}

    record LineError(long line, String message) {}
}
