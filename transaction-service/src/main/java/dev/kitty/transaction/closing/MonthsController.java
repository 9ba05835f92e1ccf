package dev.kitty.transaction.closing;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.security.InteractiveLoginRequired;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A budget's months (VIEWER+), and the on-demand close for demos and operations: a system ADMIN or SUPER_USER,
 * signed in with a password (no personal access token), closes a budget's open months up to a month now. Operators
 * need no membership, but the budget must exist (404); it is audited.
 */
@RestController
@RequestMapping("/api/budgets/{budgetId}/months")
class MonthsController {

    static final int MAX_PAGE = 100_000;

    private final Months months;

    MonthsController(Months months) {
        this.months = months;
    }

    @GetMapping
    PagedModel<Months.MonthResponse> list(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new PagedModel<>(months.list(caller, budgetId, page, size));
    }

    /** 200 with the months this call closed, oldest first; 409 when the month is closed already. */
    @PostMapping("/{month}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPER_USER')")
    @InteractiveLoginRequired
    List<Months.MonthResponse> close(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable String month) {
        return months.closeOnDemand(caller, budgetId, month);
    }
}
