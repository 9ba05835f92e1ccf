package dev.kitty.transaction.recurring;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.EntityTags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/**
 * A budget's recurring rules. Every answer about one rule carries its ETag (the rule's version); PATCH and DELETE honour
 * If-Match (stale → 412).
 */
@RestController
@RequestMapping("/api/budgets/{budgetId}/recurring")
class RecurringController {

    private final RecurringRules rules;

    RecurringController(RecurringRules rules) {
        this.rules = rules;
    }

    @PostMapping
    ResponseEntity<RecurringRuleResponse> create(CurrentUser caller, @PathVariable UUID budgetId, @Valid @RequestBody RecurringRuleRequest request) {
        var response = rules.create(caller, budgetId, request);
        return ResponseEntity.created(URI.create("/api/budgets/" + budgetId + "/recurring/" + response.id()))
                .eTag(EntityTags.of(response.version())).body(response);
    }

    @GetMapping
    PagedModel<RecurringRuleResponse> list(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new PagedModel<>(rules.list(caller, budgetId, PageRequest.of(page, size)));
    }

    @GetMapping("/{ruleId}")
    ResponseEntity<RecurringRuleResponse> get(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID ruleId) {
        var response = rules.get(caller, budgetId, ruleId);
        return ResponseEntity.ok().eTag(EntityTags.of(response.version())).body(response);
    }

    @PatchMapping("/{ruleId}")
    ResponseEntity<RecurringRuleResponse> update(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID ruleId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody RecurringRuleChangeRequest request) {
        var response = rules.update(caller, budgetId, ruleId, ifMatch, request);
        return ResponseEntity.ok().eTag(EntityTags.of(response.version())).body(response);
    }

    @DeleteMapping("/{ruleId}")
    ResponseEntity<Void> delete(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID ruleId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        rules.delete(caller, budgetId, ruleId, ifMatch);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
