package dev.kitty.notification.mail;

/** A rendered mail: both bodies say the same, for clients that show HTML and those that do not. */
record ComposedMail(String subject, String text, String html) {
}
