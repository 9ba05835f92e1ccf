package dev.kitty.identity.events;

import dev.kitty.events.EventCatalog;
import dev.kitty.events.EventType;

/** What auth-service publishes, on the {@value #TOPIC} topic, keyed by user id. */
public final class IdentityEvents {

    public static final String TOPIC = "identity.events";

    public static final EventType<UserRegistered> USER_REGISTERED =
            EventType.of("kitty.user.registered.v1", TOPIC, UserRegistered.class, e -> e.userId().toString());
    public static final EventType<EmailVerificationRequested> EMAIL_VERIFICATION_REQUESTED =
            EventType.of("kitty.user.email-verification-requested.v1", TOPIC, EmailVerificationRequested.class, e -> e.userId().toString());
    public static final EventType<EmailVerified> EMAIL_VERIFIED =
            EventType.of("kitty.user.email-verified.v1", TOPIC, EmailVerified.class, e -> e.userId().toString());
    public static final EventType<PasswordResetRequested> PASSWORD_RESET_REQUESTED =
            EventType.of("kitty.user.password-reset-requested.v1", TOPIC, PasswordResetRequested.class, e -> e.userId().toString());

    public static final EventType<CredentialsRevoked> CREDENTIALS_REVOKED =
            EventType.of("kitty.user.credentials-revoked.v1", TOPIC, CredentialsRevoked.class, e -> e.userId().toString());

    public static final EventType<AccountSecurityChanged> ACCOUNT_SECURITY_CHANGED =
            EventType.of("kitty.user.account-security-changed.v1", TOPIC, AccountSecurityChanged.class, e -> e.userId().toString());

    public static final EventCatalog CATALOG = EventCatalog.of("auth-service",
            USER_REGISTERED, EMAIL_VERIFICATION_REQUESTED, EMAIL_VERIFIED, PASSWORD_RESET_REQUESTED, CREDENTIALS_REVOKED,
            ACCOUNT_SECURITY_CHANGED);

    private IdentityEvents() {
    }
}
