package dev.kitty.transaction.goal;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.EntityTags;
import dev.kitty.platform.web.FieldError;
import dev.kitty.transaction.membership.BudgetAccess;
import dev.kitty.transaction.membership.BudgetRole;
import dev.kitty.transaction.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A budget's piggy bank goals: VIEWER+ reads, ADMIN+ creates, changes and deletes, MEMBER+ puts money in and takes
 * it out. Names are unique per budget whatever their case ({@code goal-name-taken}); a budget holds at most
 * {@value #MAX_GOALS} goals ({@code too-many-goals}); a withdrawal never takes a goal below zero
 * ({@code insufficient-savings}). Every write locks the goal's row before reading its savings (ADR 18), and refusals
 * are checked before anything is written.
 */
@Service
class Goals {

    static final int MAX_NAME = 100;
    static final int MAX_PRIORITY = 1000;
    static final int MAX_GOALS = 100;
    static final int YEARS_AHEAD = 100;

    private final GoalRepository goals;
    private final GoalEntryRepository entries;
    private final GoalMilestones milestones;
    private final BudgetAccess access;
    private final ObjectProvider<SurplusHistory> surplusHistory;
    private final Clock clock;

    Goals(GoalRepository goals, GoalEntryRepository entries, GoalMilestones milestones, BudgetAccess access,
            ObjectProvider<SurplusHistory> surplusHistory, Clock clock) {
        this.goals = goals;
        this.entries = entries;
        this.milestones = milestones;
        this.access = access;
        this.surplusHistory = surplusHistory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<GoalResponse> list(CurrentUser caller, UUID budgetId, Pageable page) {
        var granted = access.grant(budgetId, caller, BudgetRole.VIEWER);
        var all = withProjections(budgetId, granted.currency());
        var from = (int) Math.min(page.getOffset(), all.size());
        var to = (int) Math.min(page.getOffset() + page.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), page, all.size());
    }

    @Transactional(readOnly = true)
    GoalResponse get(CurrentUser caller, UUID budgetId, UUID goalId) {
        var granted = access.grant(budgetId, caller, BudgetRole.VIEWER);
        return response(budgetId, goalId, granted.currency());
    }

    @Transactional
    GoalResponse create(CurrentUser caller, UUID budgetId, GoalRequest request) {
        var granted = access.grant(budgetId, caller, BudgetRole.ADMIN);
        var name = request.name().strip();
        validate(name, request.targetAmount(), request.targetDate(), request.priority(), granted.currency());
        if (goals.count(budgetId) >= MAX_GOALS) {
            throw new DomainException.Conflict("too-many-goals", "A budget holds at most " + MAX_GOALS + " goals: delete one first.");
        }
        var priority = request.priority() != null ? request.priority() : goals.nextPriority(budgetId, MAX_PRIORITY);
        var id = UUID.randomUUID();
        if (!goals.insertUnlessNameTaken(id, budgetId, name, granted.currency(), request.targetAmount(), request.targetDate(), priority,
                null, caller.id(), clock.instant())) {
            throw nameTaken(name);
        }
        return response(budgetId, id, granted.currency());
    }

    /**
     * Absent fields stay as they are. A target lowered to the savings or below counts as reached (reachedAt is set and
     * GoalReached published, if that never happened before).
     */
    @Transactional
    GoalResponse update(CurrentUser caller, UUID budgetId, UUID goalId, @Nullable String ifMatch, GoalChangeRequest request) {
        var granted = access.grant(budgetId, caller, BudgetRole.ADMIN);
        var goal = locked(budgetId, goalId);
        EntityTags.requireMatch(ifMatch, goal.version());
        var name = request.getName() == null ? goal.name() : request.getName().strip();
        var target = request.getTargetAmount() == null ? goal.targetAmount() : request.getTargetAmount();
        var targetDate = request.targetDate() == null ? goal.targetDate() : request.targetDate().orElse(null);
        var priority = request.getPriority() == null ? goal.priority() : request.getPriority();
        validate(name, target, request.targetDate() == null ? null : targetDate, priority, granted.currency());
        var now = clock.instant();
        if (!goals.update(goalId, name, target, targetDate, priority, now)) {
            throw nameTaken(name);
        }
        milestones.checkReached(budgetId, List.of(goalId), now);
        return response(budgetId, goalId, granted.currency());
    }

    /** Its entries go with it: the savings were only earmarked, so they are simply released (ADR 18). */
    @Transactional
    void delete(CurrentUser caller, UUID budgetId, UUID goalId, @Nullable String ifMatch) {
        access.require(budgetId, caller, BudgetRole.ADMIN);
        var goal = locked(budgetId, goalId);
        EntityTags.requireMatch(ifMatch, goal.version());
        goals.delete(goalId);
    }

    /** A positive amount is a CONTRIBUTION, a negative one a WITHDRAWAL of at most what the goal holds. */
    @Transactional
    EntryResponse contribute(CurrentUser caller, UUID budgetId, UUID goalId, BigDecimal amount) {
        var granted = access.grant(budgetId, caller, BudgetRole.MEMBER);
        var errors = new ArrayList<FieldError>();
        if (amount.signum() == 0) {
            errors.add(new FieldError("amount", "must not be zero: positive puts money in, negative takes it out"));
        } else {
            Money.check("amount", amount.abs(), granted.currency(), errors);
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        var goal = locked(budgetId, goalId);
        if (amount.signum() < 0 && goal.saved().add(amount).signum() < 0) {
            throw new DomainException.Conflict("insufficient-savings", "This goal holds " + Money.format(goal.saved(), granted.currency())
                    + " " + granted.currency() + ": no more can be taken out of it.");
        }
        var now = clock.instant();
        var entry = new GoalEntryRow(UUID.randomUUID(), goalId, budgetId, null, amount,
                amount.signum() > 0 ? EntryKind.CONTRIBUTION : EntryKind.WITHDRAWAL, caller.id(), now);
        entries.insert(entry);
        milestones.entriesWritten(budgetId, List.of(goalId), now);
        return EntryResponse.from(entry, granted.currency());
    }

    @Transactional(readOnly = true)
    Page<EntryResponse> entries(CurrentUser caller, UUID budgetId, UUID goalId, Pageable page) {
        var granted = access.grant(budgetId, caller, BudgetRole.VIEWER);
        goals.find(budgetId, goalId).orElseThrow(Goals::noSuchGoal);
        var rows = entries.page(goalId, page.getOffset(), page.getPageSize()).stream()
                .map(entry -> EntryResponse.from(entry, granted.currency())).toList();
        return new PageImpl<>(rows, page, entries.count(goalId));
    }

    /** Locks the goal and reads it with its savings as they stand after every earlier writer committed. */
    private GoalRow locked(UUID budgetId, UUID goalId) {
        if (!goals.lock(budgetId, goalId)) {
            throw noSuchGoal();
        }
        return goals.find(budgetId, goalId).orElseThrow(Goals::noSuchGoal);
    }

    private GoalResponse response(UUID budgetId, UUID goalId, String currency) {
        return withProjections(budgetId, currency).stream().filter(goal -> goal.id().equals(goalId)).findFirst()
                .orElseThrow(Goals::noSuchGoal);
    }

    /** Every goal of the budget in sweep order: a goal's projection depends on those ahead of it. */
    private List<GoalResponse> withProjections(UUID budgetId, String currency) {
        var all = goals.ofBudget(budgetId);
        var history = surplusHistory.getIfAvailable();
        // until a month has closed (or while no month close is deployed) there is no surplus to project from
        var average = history == null ? null : GoalProjections.average(history.recentNets(budgetId, GoalProjections.AVERAGE_OVER), currency);
        var projections = GoalProjections.of(all, average, currency, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        return all.stream().map(goal -> GoalResponse.from(goal, projections.get(goal.id()), average)).toList();
    }

    /**
     * @param targetDate null when absent or unchanged (not checked: a date accepted once stays acceptable as time passes)
     */
    private void validate(String name, BigDecimal targetAmount, @Nullable LocalDate targetDate, @Nullable Integer priority, String currency) {
        var errors = new ArrayList<FieldError>();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }
        Money.check("targetAmount", targetAmount, currency, errors);
        if (targetDate != null) {
            var today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            var latest = today.plusYears(YEARS_AHEAD);
            if (targetDate.isBefore(today) || targetDate.isAfter(latest)) {
                errors.add(new FieldError("targetDate", "must be between " + today + " and " + latest));
            }
        }
        if (priority != null && (priority < 1 || priority > MAX_PRIORITY)) {
            errors.add(new FieldError("priority", "must be 1 to " + MAX_PRIORITY));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static DomainException.Invalid invalid(List<FieldError> errors) {
        return new DomainException.Invalid("validation", "Some fields are missing or invalid.", errors);
    }

    private static DomainException.NotFound noSuchGoal() {
        return new DomainException.NotFound("No such goal.");
    }

    private static DomainException.Conflict nameTaken(String name) {
        return new DomainException.Conflict("goal-name-taken", "This budget has a goal named \"" + name + "\" already.");
    }
}
