package dev.kitty.transaction.ledger;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.EntityTags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A budget's transactions. Every answer about one transaction carries its ETag (the row version); PUT and DELETE
 * honour If-Match (stale → 412). POST honours {@code Idempotency-Key} (ADR 14).
 */
@RestController
@RequestMapping("/api/budgets/{budgetId}/transactions")
class TransactionController {

    /** Keeps page × size within what the database's offset accepts; nobody pages that far by hand. */
    static final int MAX_PAGE = 1_000_000;

    private final Ledger ledger;

    TransactionController(Ledger ledger) {
        this.ledger = ledger;
    }

    /** 201 with the new transaction, or, for a retry with the same key and body, the first answer again (also 201). */
    @PostMapping
    ResponseEntity<TransactionResponse> record(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody TransactionRequest request) {
        var response = ledger.record(caller, budgetId, request, idempotencyKey).response();
        return ResponseEntity.created(URI.create("/api/budgets/" + budgetId + "/transactions/" + response.id()))
                .eTag(EntityTags.of(response.version())).body(response);
    }

    @GetMapping
    PagedModel<TransactionResponse> list(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable TransactionType type,
            @RequestParam(required = false) @Nullable UUID categoryId,
            @RequestParam(required = false) @Nullable UUID createdBy,
            @RequestParam(required = false) @Size(min = 1, max = 200) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var filter = new TransactionRepository.Filter(from, to, type, categoryId, createdBy, q);
        return new PagedModel<>(ledger.list(caller, budgetId, filter, PageRequest.of(page, size)));
    }

    @GetMapping("/{transactionId}")
    ResponseEntity<TransactionResponse> get(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID transactionId) {
        var response = ledger.get(caller, budgetId, transactionId);
        return ResponseEntity.ok().eTag(EntityTags.of(response.version())).body(response);
    }

    /** The whole new state; without If-Match it replaces whatever is current, with a stale one 412 and nothing changes. */
    @PutMapping("/{transactionId}")
    ResponseEntity<TransactionResponse> update(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID transactionId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody TransactionRequest request) {
        var response = ledger.update(caller, budgetId, transactionId, ifMatch, request);
        return ResponseEntity.ok().eTag(EntityTags.of(response.version())).body(response);
    }

    @DeleteMapping("/{transactionId}")
    ResponseEntity<Void> delete(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID transactionId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        ledger.delete(caller, budgetId, transactionId, ifMatch);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
