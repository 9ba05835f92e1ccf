package dev.kitty.transaction.category;

import dev.kitty.budget.events.BudgetCreated;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.transaction.membership.MembershipReplica;
import dev.kitty.user.events.NotificationSettingsChanged;
import dev.kitty.user.events.UserDeleted;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new budget starts with a default set of categories, named in its owner's language when this service knows it
 * (English and German; English otherwise). The owner's locale comes from user-events' {@code NotificationSettingsChanged},
 * kept in {@code user_locale} under its version (ADR 9). Idempotent: a default whose name the budget has already
 * (the owner was quicker than the event) is skipped, and a budget deleted already gets none.
 */
@Component
class DefaultCategories {

    record Default(String name, CategoryType type) {}

    static final List<Default> ENGLISH = List.of(
            new Default("Groceries", CategoryType.EXPENSE), new Default("Rent", CategoryType.EXPENSE),
            new Default("Utilities", CategoryType.EXPENSE), new Default("Transport", CategoryType.EXPENSE),
            new Default("Eating out", CategoryType.EXPENSE), new Default("Health", CategoryType.EXPENSE),
            new Default("Leisure", CategoryType.EXPENSE), new Default("Other", CategoryType.EXPENSE),
            new Default("Salary", CategoryType.INCOME), new Default("Other income", CategoryType.INCOME));

    static final List<Default> GERMAN = List.of(
            new Default("Lebensmittel", CategoryType.EXPENSE), new Default("Miete", CategoryType.EXPENSE),
            new Default("Nebenkosten", CategoryType.EXPENSE), new Default("Verkehr", CategoryType.EXPENSE),
            new Default("Auswärts essen", CategoryType.EXPENSE), new Default("Gesundheit", CategoryType.EXPENSE),
            new Default("Freizeit", CategoryType.EXPENSE), new Default("Sonstiges", CategoryType.EXPENSE),
            new Default("Gehalt", CategoryType.INCOME), new Default("Sonstige Einnahmen", CategoryType.INCOME));

    private static final Map<String, List<Default>> BY_LANGUAGE = Map.of("en", ENGLISH, "de", GERMAN);

    private final CategoryRepository categories;
    private final MembershipReplica memberships;
    private final JdbcClient jdbc;
    private final Clock clock;

    DefaultCategories(CategoryRepository categories, MembershipReplica memberships, JdbcClient jdbc, Clock clock) {
        this.categories = categories;
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @IntegrationEventListener(id = "transaction.category.budget-created")
    @Transactional
    void on(BudgetCreated event) {
        if (memberships.isDeleted(event.budgetId())) {
            return;
        }
        var now = clock.instant();
        for (var category : defaultsFor(event.ownerId())) {
            categories.insertUnlessNameTaken(UUID.randomUUID(), event.budgetId(), category.name(), category.type(), null, now);
        }
    }

    /** Only a newer version of the user's settings replaces what is held. */
    @IntegrationEventListener(id = "transaction.category.notification-settings-changed")
    void on(NotificationSettingsChanged event) {
        jdbc.sql("""
                INSERT INTO user_locale (user_id, locale, version) VALUES (:userId, :locale, :version)
                ON CONFLICT (user_id) DO UPDATE SET locale = excluded.locale, version = excluded.version
                    WHERE user_locale.version < excluded.version
                """)
                .param("userId", event.userId()).param("locale", event.locale()).param("version", event.version())
                .update();
    }

    @IntegrationEventListener(id = "transaction.category.user-deleted")
    void on(UserDeleted event) {
        jdbc.sql("DELETE FROM user_locale WHERE user_id = :userId").param("userId", event.userId()).update();
    }

    List<Default> defaultsFor(UUID ownerId) {
        var language = jdbc.sql("SELECT locale FROM user_locale WHERE user_id = :userId")
                .param("userId", ownerId)
                .query(String.class)
                .optional()
                .map(tag -> Locale.forLanguageTag(tag).getLanguage())
                .orElse("en");
        return BY_LANGUAGE.getOrDefault(language, ENGLISH);
    }
}
