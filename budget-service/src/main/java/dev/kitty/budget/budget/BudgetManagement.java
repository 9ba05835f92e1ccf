package dev.kitty.budget.budget;

import dev.kitty.budget.knownuser.KnownUsers;
import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.EntityTags;
import dev.kitty.platform.web.FieldError;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, reading, renaming and deleting budgets. */
@Service
class BudgetManagement {

    private final BudgetRepository budgets;
    private final BudgetAccess access;
    private final KnownUsers knownUsers;
    private final Clock clock;

    BudgetManagement(BudgetRepository budgets, BudgetAccess access, KnownUsers knownUsers, Clock clock) {
        this.budgets = budgets;
        this.access = access;
        this.knownUsers = knownUsers;
        this.clock = clock;
    }

    /** @param timeZone null for the creator's own setting, else UTC */
    @Transactional
    BudgetView create(CurrentUser caller, String name, String currency, @Nullable String description, @Nullable String timeZone) {
        var errors = new ArrayList<FieldError>();
        var trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        if (!isCurrency(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code, e.g. EUR"));
        }
        if (timeZone != null && !isZone(timeZone)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone, e.g. Europe/Vienna"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid("validation", "The budget is not valid.", errors);
        }
        if (knownUsers.isDeleted(caller.id())) {
            throw new DomainException.Unauthenticated("account-deleted", "This account has been deleted.");
        }
        var zone = timeZone != null ? timeZone : knownUsers.timeZone(caller.id()).filter(BudgetManagement::isZone).orElse("UTC");
        var budget = budgets.saveAndFlush(Budget.create(caller.id(), trimmed, currency, description, zone, clock.instant()));
        return BudgetView.of(budget, BudgetRole.OWNER);
    }

    @Transactional(readOnly = true)
    Page<BudgetView> mine(CurrentUser caller, Pageable pageable) {
        return budgets.findMine(caller.id(), pageable);
    }

    @Transactional(readOnly = true)
    BudgetView get(CurrentUser caller, UUID budgetId) {
        var role = access.require(budgetId, caller, BudgetRole.VIEWER);
        return BudgetView.of(load(budgetId), role);
    }

    /** @param ifMatch the client's {@code If-Match}, null when it sent none: a stale one changes nothing (412) */
    @Transactional
    BudgetView update(CurrentUser caller, UUID budgetId, @Nullable String ifMatch, @Nullable String name,
            @Nullable String description) {
        var role = access.require(budgetId, caller, BudgetRole.ADMIN);
        var trimmed = name == null ? null : name.strip();
        if (trimmed != null && (trimmed.isEmpty() || trimmed.length() > 100)) {
            throw new DomainException.Invalid("validation", "The budget is not valid.",
                    List.of(new FieldError("name", "must be 1 to 100 characters")));
        }
        var budget = load(budgetId);
        EntityTags.requireMatch(ifMatch, budget.version());
        budget.update(trimmed, description, clock.instant());
        return BudgetView.of(budgets.saveAndFlush(budget), role);
    }

    @Transactional
    void delete(CurrentUser caller, UUID budgetId) {
        access.require(budgetId, caller, BudgetRole.OWNER);
        var budget = load(budgetId);
        budget.markDeleted(caller.id(), clock.instant());
        budgets.delete(budget);
    }

    private Budget load(UUID budgetId) {
        return budgets.findById(budgetId).orElseThrow(() -> new DomainException.NotFound("No such budget."));
    }

    static boolean isCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Region ids only (Europe/Vienna, UTC, Etc/GMT+1), as the IANA database names them; no raw offsets. */
    static boolean isZone(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone);
    }
}
