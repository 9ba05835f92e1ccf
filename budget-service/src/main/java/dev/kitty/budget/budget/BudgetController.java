package dev.kitty.budget.budget;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.EntityTags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Budgets: every answer about one budget carries its ETag (the row version); PATCH honours If-Match. */
@RestController
@RequestMapping("/api/budgets")
class BudgetController {

    /** Keeps page × size within what the database's offset accepts; nobody pages that far by hand. */
    static final int MAX_PAGE = 1_000_000;

    private final BudgetManagement budgets;

    BudgetController(BudgetManagement budgets) {
        this.budgets = budgets;
    }

    @PostMapping
    ResponseEntity<BudgetResponse> create(CurrentUser caller, @Valid @RequestBody CreateBudgetRequest request) {
        var budget = budgets.create(caller, Objects.requireNonNull(request.name()), Objects.requireNonNull(request.currency()),
                request.description(), request.timeZone());
        return ResponseEntity.created(URI.create("/api/budgets/" + budget.id())).eTag(eTag(budget)).body(BudgetResponse.from(budget));
    }

    @GetMapping
    PagedModel<BudgetResponse> mine(CurrentUser caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new PagedModel<>(budgets.mine(caller, PageRequest.of(page, size)).map(BudgetResponse::from));
    }

    @GetMapping("/{budgetId}")
    ResponseEntity<BudgetResponse> get(CurrentUser caller, @PathVariable UUID budgetId) {
        var budget = budgets.get(caller, budgetId);
        return ResponseEntity.ok().eTag(eTag(budget)).body(BudgetResponse.from(budget));
    }

    /** Without If-Match the change is applied to whatever is current; with a stale one, 412 and nothing changes. */
    @PatchMapping("/{budgetId}")
    ResponseEntity<BudgetResponse> update(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody UpdateBudgetRequest request) {
        var budget = budgets.update(caller, budgetId, ifMatch, request.name(), request.description());
        return ResponseEntity.ok().eTag(eTag(budget)).body(BudgetResponse.from(budget));
    }

    @DeleteMapping("/{budgetId}")
    ResponseEntity<Void> delete(CurrentUser caller, @PathVariable UUID budgetId) {
        budgets.delete(caller, budgetId);
        return ResponseEntity.noContent().build();
    }

    private static String eTag(BudgetView budget) {
        return EntityTags.of(budget.version());
    }

}
