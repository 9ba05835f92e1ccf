package dev.kitty.notification.news;

import dev.kitty.identity.events.AccountSecurityChanged;
import dev.kitty.notification.mail.MailTemplate;
import dev.kitty.notification.mail.Mails;
import dev.kitty.notification.mail.Texts;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventListener;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Security notices (OWASP ASVS 6.3.7): a mail to the address the account had when it happened,
 * whatever the notification settings say, and an in-app notification. A change this version does
 * not know gets a generic notice. The id is a dedupe key: never change it.
 */
@Component
class SecurityNotices {

    private static final Set<String> KNOWN = Set.of(AccountSecurityChanged.CHANGE_PASSWORD_CHANGED, AccountSecurityChanged.CHANGE_PASSWORD_RESET,
            AccountSecurityChanged.CHANGE_TWO_FACTOR_ENABLED, AccountSecurityChanged.CHANGE_TWO_FACTOR_DISABLED,
            AccountSecurityChanged.CHANGE_PERSONAL_ACCESS_TOKEN_CREATED, AccountSecurityChanged.CHANGE_ACCOUNT_LOCKED);

    private final Announcer announcer;
    private final Mails mails;

    SecurityNotices(Announcer announcer, Mails mails) {
        this.announcer = announcer;
        this.mails = mails;
    }

    @IntegrationEventListener(id = "notification.news.account-security-changed")
    void on(AccountSecurityChanged event, EventMetadata metadata) {
        var change = KNOWN.contains(event.change()) ? event.change() : "OTHER";
        var zone = announcer.audienceOf(event.userId()).zone();
        var detail = event.detail() == null || event.detail().isBlank() ? event.change() : event.detail();
        announcer.tell(new Notice(event.userId(), Topic.SECURITY, "SECURITY_NOTICE", MailTemplate.SECURITY_NOTICE, null, event.email(),
                "notice.security." + change + ".title", "notice.security." + change + ".body",
                locale -> new Object[] {Texts.dateTime(event.occurredAt(), locale, zone), detail}), metadata.id(),
                Map.of("resetUrl", mails.link("/forgot-password")));
    }
}
