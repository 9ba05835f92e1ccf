package dev.kitty.user.settings;

record SettingsResponse(String currency, String locale, String timeZone, Notifications notifications) {

    record Notifications(boolean invitations, boolean budgetAlerts, boolean goalReached, boolean monthlySummary) {
    }

    static SettingsResponse from(Settings settings) {
        var n = settings.notifications();
        return new SettingsResponse(settings.currency(), settings.locale(), settings.timeZone(),
                new Notifications(n.invitations(), n.budgetAlerts(), n.goalReached(), n.monthlySummary()));
    }
}
