package dev.kitty.transaction.category;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import dev.kitty.transaction.membership.BudgetAccess;
import dev.kitty.transaction.membership.BudgetRole;
import dev.kitty.transaction.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A budget's categories: VIEWER+ reads, ADMIN+ writes. Names are unique per budget whatever their case
 * ({@code category-name-taken}); a category's type is fixed once created ({@code category-type-fixed}), since
 * its transactions have that type; deleting one keeps its transactions, uncategorised.
 */
@Service
public class Categories {

    static final int MAX_NAME = 60;

    private final CategoryRepository categories;
    private final BudgetAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Categories(CategoryRepository categories, BudgetAccess access, ApplicationEventPublisher events, Clock clock) {
        this.categories = categories;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The category's type, when it is one of the budget's; for checking a transaction's category. */
    @Transactional(readOnly = true)
    public Optional<CategoryType> typeOf(UUID budgetId, UUID categoryId) {
        return categories.typeOf(budgetId, categoryId);
    }

    /** The budget's categories, for resolving names (the CSV import); no access check: the caller has made it. */
    @Transactional(readOnly = true)
    public List<CategoryView> ofBudget(UUID budgetId) {
        return categories.ofBudget(budgetId);
    }

    /** Every category of a deleted budget; no {@link CategoryDeleted}: the budget's deletion says it for all. */
    @Transactional
    public void deleteAllOf(UUID budgetId) {
        categories.deleteAllOf(budgetId);
    }

    @Transactional(readOnly = true)
    List<CategoryResponse> list(CurrentUser caller, UUID budgetId) {
        var granted = access.grant(budgetId, caller, BudgetRole.VIEWER);
        return categories.ofBudget(budgetId).stream().map(category -> CategoryResponse.from(category, granted.currency())).toList();
    }

    @Transactional
    CategoryResponse create(CurrentUser caller, UUID budgetId, String name, CategoryType type, @Nullable BigDecimal monthlyLimit) {
        var granted = access.grant(budgetId, caller, BudgetRole.ADMIN);
        var cleanName = validName(name);
        validate(cleanName, monthlyLimit, granted.currency());
        var id = UUID.randomUUID();
        if (!categories.insertUnlessNameTaken(id, budgetId, cleanName, type, monthlyLimit, clock.instant())) {
            throw nameTaken(cleanName);
        }
        return CategoryResponse.from(categories.find(budgetId, id, false).orElseThrow(), granted.currency());
    }

    /**
     * @param name         null keeps it
     * @param type         null or the same keeps it; another → {@code category-type-fixed}
     * @param monthlyLimit null keeps it, empty clears it
     */
    @Transactional
    @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
    CategoryResponse update(CurrentUser caller, UUID budgetId, UUID categoryId, @Nullable String name, @Nullable CategoryType type,
            @Nullable Optional<BigDecimal> monthlyLimit) {
        var granted = access.grant(budgetId, caller, BudgetRole.ADMIN);
        var category = categories.find(budgetId, categoryId, true).orElseThrow(() -> new DomainException.NotFound("No such category."));
        var newName = name == null ? category.name() : validName(name);
        var newLimit = monthlyLimit == null ? category.monthlyLimit() : monthlyLimit.orElse(null);
        validate(newName, monthlyLimit == null ? null : newLimit, granted.currency());
        if (type != null && type != category.type()) {
            throw new DomainException.Conflict("category-type-fixed",
                    "A category's type cannot change: create a new " + type + " category instead.");
        }
        if (!categories.update(categoryId, newName, newLimit, clock.instant())) {
            throw nameTaken(newName);
        }
        return CategoryResponse.from(categories.find(budgetId, categoryId, false).orElseThrow(), granted.currency());
    }

    /** Its transactions stay, uncategorised; {@link CategoryDeleted} goes first, so derived data moves their totals. */
    @Transactional
    void delete(CurrentUser caller, UUID budgetId, UUID categoryId) {
        access.require(budgetId, caller, BudgetRole.ADMIN);
        var category = categories.find(budgetId, categoryId, true).orElseThrow(() -> new DomainException.NotFound("No such category."));
        events.publishEvent(new CategoryDeleted(budgetId, category.id()));
        categories.delete(category.id());
    }

    private static String validName(String name) {
        return name.strip();
    }

    private static void validate(String name, @Nullable BigDecimal monthlyLimit, String currency) {
        var errors = new ArrayList<FieldError>();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }
        if (monthlyLimit != null) {
            Money.check("monthlyLimit", monthlyLimit, currency, errors);
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid("validation", "Some fields are missing or invalid.", errors);
        }
    }

    private static DomainException.Conflict nameTaken(String name) {
        return new DomainException.Conflict("category-name-taken", "This budget has a category named \"" + name + "\" already.");
    }
}
