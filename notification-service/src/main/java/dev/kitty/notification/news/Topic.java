package dev.kitty.notification.news;

import dev.kitty.notification.settings.NotificationSettings;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which setting decides whether a kind of news is mailed. In-app notifications are always kept:
 * the settings choose mails. Security notices ignore the settings (OWASP ASVS 6.3.7). A user
 * whose settings have not arrived gets every mail (the settings' defaults are all on).
 */
enum Topic {
    /** Invitations and membership news: invited, joined, role, removed, ownership, budget deleted. */
    MEMBERSHIP(NotificationSettings::invitations),
    /** BudgetAlertRaised: a category over its limit, a month's balance below zero. */
    BUDGET_ALERTS(NotificationSettings::budgetAlerts),
    /** GoalReached. */
    GOAL_REACHED(NotificationSettings::goalReached),
    /** MonthClosed: the monthly digest. */
    MONTHLY_SUMMARY(NotificationSettings::monthlySummary),
    SECURITY(settings -> true);

    private final Predicate<NotificationSettings> mailWanted;

    Topic(Predicate<NotificationSettings> mailWanted) {
        this.mailWanted = mailWanted;
    }

    boolean mailWanted(Optional<NotificationSettings> settings) {
        return this == SECURITY || settings.map(mailWanted::test).orElse(true);
    }
}
