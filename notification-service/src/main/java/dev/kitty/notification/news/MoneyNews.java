package dev.kitty.notification.news;

import dev.kitty.notification.budget.BudgetReplica;
import dev.kitty.notification.mail.InlineImage;
import dev.kitty.notification.mail.MailTemplate;
import dev.kitty.notification.mail.Texts;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.transaction.events.BudgetAlertRaised;
import dev.kitty.transaction.events.GoalReached;
import dev.kitty.transaction.events.MonthClosed;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A budget's money news from transaction-service, for every current member of the budget ({@link BudgetReplica}):
 * alerts, goals reached and the monthly digest. As with all news, the in-app notification is always kept and the
 * member's setting ({@code budgetAlerts}, {@code goalReached}, {@code monthlySummary}) decides the mail. Each listener
 * only reacts, so the platform's dedupe by event id and the outbox's one-row-per-event-and-recipient key are all it
 * needs: one mail per event and member under duplicate delivery. The ids are those dedupe keys: never change them.
 */
@Component
class MoneyNews {

    /** The Content-ID under which the digest's HTML shows its chart. */
    static final String CHART_ID = "monthly-chart@kitty";

    private static final Logger log = LoggerFactory.getLogger(MoneyNews.class);

    private final Announcer announcer;
    private final BudgetReplica budgets;
    private final Texts texts;
    private final DigestChart chart;

    MoneyNews(Announcer announcer, BudgetReplica budgets, Texts texts, DigestChart chart) {
        this.announcer = announcer;
        this.budgets = budgets;
        this.texts = texts;
        this.chart = chart;
    }

    /** Names the budget, the category, the limit and what was spent; a kind this version does not know tells nobody. */
    @IntegrationEventListener(id = "notification.news.budget-alert-raised")
    void on(BudgetAlertRaised event, EventMetadata metadata) {
        var key = switch (event.kind()) {
            case "CATEGORY_OVER_LIMIT" -> event.categoryName() == null ? null : "notice.category-over-limit";
            case "BALANCE_BELOW_ZERO" -> "notice.balance-below-zero";
            default -> null;
        };
        if (key == null) {
            log.info("Ignoring budget alert {} of kind {}: not one this version knows", metadata.id(), event.kind());
            return;
        }
        for (var member : budgets.members(event.budgetId())) {
            announcer.tell(new Notice(member.userId(), Topic.BUDGET_ALERTS, "BUDGET_ALERT", MailTemplate.BUDGET_ALERT, event.budgetId(), null,
                    key + ".title", key + ".body",
                    locale -> new Object[] {budgetName(event.budgetId(), locale), event.categoryName(),
                            MoneyTexts.money(event.amount(), event.currency(), locale), MoneyTexts.money(event.limit(), event.currency(), locale),
                            MoneyTexts.month(event.month(), locale)}), metadata.id());
        }
    }

    /** Names the goal and its target. */
    @IntegrationEventListener(id = "notification.news.goal-reached")
    void on(GoalReached event, EventMetadata metadata) {
        for (var member : budgets.members(event.budgetId())) {
            announcer.tell(new Notice(member.userId(), Topic.GOAL_REACHED, "GOAL_REACHED", MailTemplate.GOAL_REACHED, event.budgetId(), null,
                    "notice.goal-reached.title", "notice.goal-reached.body",
                    locale -> new Object[] {budgetName(event.budgetId(), locale), event.name(),
                            MoneyTexts.money(event.targetAmount(), event.currency(), locale)}), metadata.id());
        }
    }

    /**
     * The monthly digest: income, expense, net, the top expense categories, what went into each goal, and the chart of
     * the recent months as an inline PNG, drawn once per language whoever reads it.
     */
    @IntegrationEventListener(id = "notification.news.month-closed")
    void on(MonthClosed event, EventMetadata metadata) {
        var members = budgets.members(event.budgetId());
        if (members.isEmpty()) {
            return;
        }
        var charts = new HashMap<Locale, InlineImage>();
        Function<Locale, InlineImage> image = locale -> charts.computeIfAbsent(locale, l -> new InlineImage(CHART_ID,
                chart.png(event.recentMonths(), event.currency(), l, new DigestChart.Labels(texts.get("digest.chart.title", l),
                        texts.get("digest.income", l), texts.get("digest.expense", l), texts.get("digest.net", l),
                        texts.get("digest.chart.amount", l)))));
        for (var member : members) {
            announcer.tell(new Notice(member.userId(), Topic.MONTHLY_SUMMARY, "MONTHLY_DIGEST", MailTemplate.MONTHLY_DIGEST, event.budgetId(),
                    null, "notice.month-closed.title", "notice.month-closed.body",
                    locale -> new Object[] {budgetName(event.budgetId(), locale), MoneyTexts.month(event.month(), locale),
                            MoneyTexts.money(event.income(), event.currency(), locale),
                            MoneyTexts.money(event.expense(), event.currency(), locale),
                            MoneyTexts.money(event.net(), event.currency(), locale)}),
                    metadata.id(), Map.of("chartSrc", "cid:" + CHART_ID), locale -> digest(event, locale), image);
        }
    }

    private Map<String, Object> digest(MonthClosed event, Locale locale) {
        var variables = new HashMap<String, Object>();
        variables.put("budgetName", budgetName(event.budgetId(), locale));
        variables.put("month", MoneyTexts.month(event.month(), locale));
        variables.put("income", MoneyTexts.money(event.income(), event.currency(), locale));
        variables.put("expense", MoneyTexts.money(event.expense(), event.currency(), locale));
        variables.put("net", MoneyTexts.money(event.net(), event.currency(), locale));
        List<Map<String, String>> categories = event.topExpenseCategories().stream()
                .map(category -> Map.of("name", category.categoryId() == null ? texts.get("digest.uncategorised", locale) : category.name(),
                        "amount", MoneyTexts.money(category.amount(), event.currency(), locale)))
                .toList();
        variables.put("topCategories", categories);
        List<Map<String, String>> allocations = event.allocations().stream()
                .map(allocation -> Map.of("name", allocation.name(),
                        "amount", MoneyTexts.money(allocation.amount(), event.currency(), locale),
                        "kind", texts.getOrDefault("digest.kind." + allocation.kind(), allocation.kind(), locale)))
                .toList();
        variables.put("allocations", allocations);
        return variables;
    }

    /** The budget's name; "your budget" in the reader's language before any budget event named it here. */
    private String budgetName(UUID budgetId, Locale locale) {
        return budgets.name(budgetId).orElseGet(() -> texts.get("budget.unnamed", locale));
    }
}
