package dev.kitty.transaction.goal;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A budget's piggy bank goals and their entries. Every answer about one goal carries its ETag (the row version, which
 * also grows with every entry); PATCH and DELETE honour If-Match (stale → 412).
 */
@RestController
@RequestMapping("/api/budgets/{budgetId}/goals")
class GoalController {

    /** Keeps page × size within what the database's offset accepts. */
    static final int MAX_PAGE = 1_000_000;

    private final Goals goals;

    GoalController(Goals goals) {
        this.goals = goals;
    }

    /** In sweep order: priority, then the older goal. */
    @GetMapping
    PagedModel<GoalResponse> list(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new PagedModel<>(goals.list(caller, budgetId, PageRequest.of(page, size)));
    }

    @PostMapping
    ResponseEntity<GoalResponse> create(CurrentUser caller, @PathVariable UUID budgetId, @Valid @RequestBody GoalRequest request) {
        var created = goals.create(caller, budgetId, request);
        return ResponseEntity.created(URI.create("/api/budgets/" + budgetId + "/goals/" + created.id()))
                .eTag(EntityTags.of(created.version())).body(created);
    }

    @GetMapping("/{goalId}")
    ResponseEntity<GoalResponse> get(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID goalId) {
        var goal = goals.get(caller, budgetId, goalId);
        return ResponseEntity.ok().eTag(EntityTags.of(goal.version())).body(goal);
    }

    @PatchMapping("/{goalId}")
    ResponseEntity<GoalResponse> update(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID goalId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody GoalChangeRequest request) {
        var goal = goals.update(caller, budgetId, goalId, ifMatch, request);
        return ResponseEntity.ok().eTag(EntityTags.of(goal.version())).body(goal);
    }

    @DeleteMapping("/{goalId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID goalId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        goals.delete(caller, budgetId, goalId, ifMatch);
    }

    /** 201 with the entry written: a CONTRIBUTION for a positive amount, a WITHDRAWAL for a negative one. */
    @PostMapping("/{goalId}/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    EntryResponse contribute(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID goalId,
            @Valid @RequestBody ContributionRequest request) {
        return goals.contribute(caller, budgetId, goalId, request.amount());
    }

    /** Newest first. */
    @GetMapping("/{goalId}/entries")
    PagedModel<EntryResponse> entries(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID goalId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new PagedModel<>(goals.entries(caller, budgetId, goalId, PageRequest.of(page, size)));
    }
}
