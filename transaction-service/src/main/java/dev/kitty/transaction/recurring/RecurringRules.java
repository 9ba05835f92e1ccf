package dev.kitty.transaction.recurring;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.EntityTags;
import dev.kitty.platform.web.FieldError;
import dev.kitty.transaction.ledger.LedgerPostings;
import dev.kitty.transaction.ledger.TransactionType;
import dev.kitty.transaction.membership.BudgetAccess;
import dev.kitty.transaction.membership.BudgetRole;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A budget's recurring rules: VIEWER+ reads, MEMBER+ creates, the author (MEMBER+) or any ADMIN+ changes and deletes
 * (the ledger's rule for transactions). A rule's transaction obeys the ledger's rules ({@link LedgerPostings#problems});
 * its start lies at most a year back (the backlog a new rule posts stays small) and ten years ahead, its end on or after
 * its start. Deleting a rule keeps the transactions it posted. A change never posts an occurrence twice: the next
 * occurrence is the changed schedule's first date after the last one posted.
 */
@Service
class RecurringRules {

    static final int MAX_YEARS_BACK = 1;
    static final int MAX_YEARS_AHEAD = 10;
    static final int MAX_YEARS_LONG = 100;

    private final RecurringRuleRepository rules;
    private final LedgerPostings ledger;
    private final BudgetAccess access;
    private final Clock clock;

    RecurringRules(RecurringRuleRepository rules, LedgerPostings ledger, BudgetAccess access, Clock clock) {
        this.rules = rules;
        this.ledger = ledger;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<RecurringRuleResponse> list(CurrentUser caller, UUID budgetId, Pageable page) {
        var granted = access.grant(budgetId, caller, BudgetRole.VIEWER);
        var rows = rules.page(budgetId, (int) page.getOffset(), page.getPageSize());
        long total = rows.size() < page.getPageSize() && (rows.size() > 0 || page.getOffset() == 0)
                ? page.getOffset() + rows.size()
                : rules.count(budgetId);
        return new PageImpl<>(rows.stream().map(rule -> RecurringRuleResponse.from(rule, granted.currency())).toList(), page, total);
    }

    @Transactional(readOnly = true)
    RecurringRuleResponse get(CurrentUser caller, UUID budgetId, UUID ruleId) {
        var granted = access.grant(budgetId, caller, BudgetRole.VIEWER);
        return RecurringRuleResponse.from(found(budgetId, ruleId, false), granted.currency());
    }

    @Transactional
    RecurringRuleResponse create(CurrentUser caller, UUID budgetId, RecurringRuleRequest request) {
        var granted = access.grant(budgetId, caller, BudgetRole.MEMBER);
        validate(budgetId, granted.currency(), request.type(), request.amount(), request.categoryId(), request.description(),
                request.frequency(), request.interval(), request.startOn(), request.endOn(), true);
        var schedule = new Schedule(request.frequency(), request.interval(), request.startOn(), request.endOn());
        var now = clock.instant();
        var rule = new RecurringRuleRepository.Rule(UUID.randomUUID(), budgetId, request.type(), request.amount(), request.categoryId(),
                blankToNull(request.description()), request.frequency(), request.interval(), request.startOn(), request.endOn(),
                schedule.first().orElse(null), null, caller.id(), now, caller.id(), now, 1);
        rules.insert(rule);
        return RecurringRuleResponse.from(rule, granted.currency());
    }

    @Transactional
    RecurringRuleResponse update(CurrentUser caller, UUID budgetId, UUID ruleId, @Nullable String ifMatch, RecurringRuleChangeRequest change) {
        var granted = access.grant(budgetId, caller, BudgetRole.MEMBER);
        var before = found(budgetId, ruleId, true);
        requireAuthorOrAdmin(caller, granted.role(), before);
        EntityTags.requireMatch(ifMatch, before.version());
        var type = change.getType() != null ? change.getType() : before.type();
        var amount = change.getAmount() != null ? change.getAmount() : before.amount();
        var categoryId = change.categoryId() != null ? change.categoryId().orElse(null) : before.categoryId();
        var description = change.description() != null ? change.description().orElse(null) : before.description();
        var frequency = change.getFrequency() != null ? change.getFrequency() : before.frequency();
        int interval = change.getInterval() != null ? change.getInterval() : before.interval();
        var startOn = change.getStartOn() != null ? change.getStartOn() : before.startOn();
        var endOn = change.endOn() != null ? change.endOn().orElse(null) : before.endOn();
        // an old rule's start may lie further back than a new one's may: only a moved start is checked
        validate(budgetId, granted.currency(), type, amount, categoryId, description, frequency, interval, startOn, endOn,
                !startOn.equals(before.startOn()));
        var schedule = new Schedule(frequency, interval, startOn, endOn);
        var after = new RecurringRuleRepository.Rule(before.id(), budgetId, type, amount, categoryId, blankToNull(description), frequency,
                interval, startOn, endOn, schedule.firstAfter(before.postedThrough()).orElse(null), before.postedThrough(), before.createdBy(),
                before.createdAt(), caller.id(), clock.instant(), before.version() + 1);
        rules.update(after);
        return RecurringRuleResponse.from(after, granted.currency());
    }

    /** The transactions the rule posted stay, unlinked. */
    @Transactional
    void delete(CurrentUser caller, UUID budgetId, UUID ruleId, @Nullable String ifMatch) {
        var granted = access.grant(budgetId, caller, BudgetRole.MEMBER);
        var before = found(budgetId, ruleId, true);
        requireAuthorOrAdmin(caller, granted.role(), before);
        EntityTags.requireMatch(ifMatch, before.version());
        rules.delete(before.id());
    }

    private RecurringRuleRepository.Rule found(UUID budgetId, UUID ruleId, boolean forUpdate) {
        return rules.find(budgetId, ruleId, forUpdate).orElseThrow(() -> new DomainException.NotFound("No such recurring rule."));
    }

    /** A MEMBER changes only the rules they created; a former member's rules only an ADMIN+. */
    private static void requireAuthorOrAdmin(CurrentUser caller, BudgetRole role, RecurringRuleRepository.Rule rule) {
        if (!role.includes(BudgetRole.ADMIN) && !caller.id().equals(rule.createdBy())) {
            throw new DomainException.Forbidden("Members change only the recurring rules they created.");
        }
    }

    private void validate(UUID budgetId, String currency, TransactionType type, BigDecimal amount, @Nullable UUID categoryId,
            @Nullable String description, Frequency frequency, int interval, LocalDate startOn, @Nullable LocalDate endOn, boolean newStart) {
        var errors = ledger.problems(budgetId, currency, type, amount, categoryId, description);
        errors.addAll(scheduleProblems(frequency, interval, startOn, endOn, LocalDate.now(clock.withZone(ZoneOffset.UTC)), newStart));
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid("validation", "Some fields are missing or invalid.", errors);
        }
    }

    /** @param newStart whether {@code startOn} is new (a new rule, a moved start), so that it must lie in the accepted window */
    static List<FieldError> scheduleProblems(Frequency frequency, int interval, LocalDate startOn, @Nullable LocalDate endOn, LocalDate today,
            boolean newStart) {
        var errors = new ArrayList<FieldError>();
        if (interval < 1 || interval > frequency.maxInterval()) {
            errors.add(new FieldError("interval", "must be 1 to " + frequency.maxInterval() + " for " + frequency));
        }
        var earliest = today.minusYears(MAX_YEARS_BACK);
        var latest = today.plusYears(MAX_YEARS_AHEAD);
        if (newStart && (startOn.isBefore(earliest) || startOn.isAfter(latest))) {
            errors.add(new FieldError("startOn", "must be between " + earliest + " and " + latest));
        }
        if (endOn != null && endOn.isBefore(startOn)) {
            errors.add(new FieldError("endOn", "must not be before startOn"));
        } else if (endOn != null && endOn.isAfter(startOn.plusYears(MAX_YEARS_LONG))) {
            errors.add(new FieldError("endOn", "must be at most " + MAX_YEARS_LONG + " years after startOn"));
        }
        return errors;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
