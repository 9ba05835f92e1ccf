package dev.kitty.transaction.csv;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.ApiProblem;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import dev.kitty.transaction.ledger.LedgerFiles;
import dev.kitty.transaction.membership.BudgetRole;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * CSV export (VIEWER+) and import (MEMBER+) of a budget's transactions (ADR 16). Both check access before anything
 * else: a refused export is a problem+json, never a half-written file; a refused import reads no byte of the body.
 */
@RestController
@RequestMapping("/api/budgets/{budgetId}/transactions")
class CsvController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final LedgerFiles files;
    private final CsvExport export;
    private final CsvImport imports;
    private final CsvProperties properties;

    CsvController(LedgerFiles files, CsvExport export, CsvImport imports, CsvProperties properties) {
        this.files = files;
        this.export = export;
        this.imports = imports;
        this.properties = properties;
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to) {
        var currency = files.grant(budgetId, caller, BudgetRole.VIEWER).currency();
        if (from != null && to != null && from.isAfter(to)) {
            throw new DomainException.Invalid("validation", "Some fields are missing or invalid.",
                    List.of(new FieldError("from", "must not be after to")));
        }
        var name = "transactions-" + budgetId + (from == null ? "" : "-from-" + from) + (to == null ? "" : "-to-" + to) + ".csv";
        StreamingResponseBody body = out -> export.write(budgetId, currency, from, to, out);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /** 200 with the report, also when lines have errors (then nothing is imported); see {@link ImportResponse}. */
    @PostMapping(path = "/import", consumes = "text/csv")
    ImportResponse importFile(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request) throws IOException {
        files.grant(budgetId, caller, BudgetRole.MEMBER);
        var limit = properties.maxImportSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        var body = request.getInputStream().readNBytes((int) limit + 1);
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return imports.run(caller, budgetId, body, dryRun);
    }

    private static ApiProblem tooLarge(long limit) {
        return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "csv-too-large", "File too large",
                "A CSV import takes at most " + limit / (1024 * 1024) + " MB: split the file and import the parts. Nothing was imported.");
    }
}
