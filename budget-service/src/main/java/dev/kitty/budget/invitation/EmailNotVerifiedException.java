package dev.kitty.budget.invitation;

/** The invitation is the caller's, but their address is not verified: 403 {@code email-not-verified} in the web layer. */
class EmailNotVerifiedException extends RuntimeException {

    EmailNotVerifiedException() {
        super("Verify your email address before answering an invitation to it.", null, false, false);
    }
}
