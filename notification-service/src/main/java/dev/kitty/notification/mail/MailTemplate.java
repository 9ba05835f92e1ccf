package dev.kitty.notification.mail;

/** The kinds of mail this service writes; the name is what the delivery log records. */
enum MailTemplate {
    VERIFY_EMAIL, RESET_PASSWORD
}
