package dev.kitty.notification.mail;

/**
 * The kinds of mail this service writes; the name is what the outbox and the delivery log record,
 * {@code file} the template under {@code templates/mail/} ({@code .txt} and {@code .html}).
 */
public enum MailTemplate {
    VERIFY_EMAIL("verify-email"),
    RESET_PASSWORD("reset-password"),
    INVITATION("invitation"),
    MEMBER_JOINED("news"),
    ROLE_CHANGED("news"),
    MEMBER_REMOVED("news"),
    OWNERSHIP_TRANSFERRED("news"),
    BUDGET_DELETED("news"),
    SECURITY_NOTICE("security-notice"),
    BUDGET_ALERT("news"),
    GOAL_REACHED("news"),
    MONTHLY_DIGEST("digest");

    private final String file;

    MailTemplate(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }
}
