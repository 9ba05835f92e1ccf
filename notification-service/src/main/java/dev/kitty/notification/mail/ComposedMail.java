package dev.kitty.notification.mail;

/** A mail ready to send: both bodies say the same, for clients that show HTML and those that do not. */
record ComposedMail(MailTemplate template, String recipient, String subject, String text, String html) {
}
