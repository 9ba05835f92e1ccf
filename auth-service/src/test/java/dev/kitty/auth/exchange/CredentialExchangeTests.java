package dev.kitty.auth.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.mfa.Mfa;
import dev.kitty.auth.pat.PersonalAccessTokens;
import dev.kitty.auth.session.AccessTokens;
import dev.kitty.auth.throttle.LoginThrottle;
import dev.kitty.auth.throttle.ThrottleProperties;
import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The exchange's decisions, with the collaborators' answers scripted. */
class CredentialExchangeTests {

    private static final UUID PAT_ID = UUID.fromString("7a7a7a7a-0000-4000-8000-000000000001");

    private static final String EMAIL = "ann@example.com";
    private static final String PASSWORD = "violet-harbour-engine-42";
    private static final String PAT = "kitty_pat_0123456789abcdef_" + "a".repeat(43);
    private static final String CLIENT = "203.0.113.7";

    private final Accounts accounts = mock(Accounts.class);
    private final PasswordEncoder passwords = mock(PasswordEncoder.class);
    private final PersonalAccessTokens tokens = mock(PersonalAccessTokens.class);
    private final Mfa mfa = mock(Mfa.class);
    private final AccessTokens accessTokens = mock(AccessTokens.class);
    private final Account ann = Account.register(EMAIL, "{argon2}ann", "Test User", Instant.now());
    private final Account bob = Account.register("bob@example.com", "{argon2}bob", "Test User", Instant.now());
    private CredentialExchange exchange;

    @BeforeEach
    void scriptCollaborators() {
        when(passwords.encode(anyString())).thenReturn("{argon2}decoy");
        when(passwords.matches(PASSWORD, "{argon2}ann")).thenReturn(true);
        when(accounts.findByEmail(EMAIL)).thenReturn(Optional.of(ann));
        when(accounts.findById(ann.id())).thenReturn(Optional.of(ann));
        when(accounts.findById(bob.id())).thenReturn(Optional.of(bob));
        when(accessTokens.issue(any(), anyList(), any(), any())).thenReturn("header.claims.signature");
        when(accessTokens.ttl()).thenReturn(Duration.ofMinutes(10));
        exchange = new CredentialExchange(accounts, passwords, tokens, mfa,
                new LoginThrottle(ThrottleProperties.defaults(), Clock.systemUTC()), accessTokens, Clock.systemUTC());
    }

    @Test
    void exchangesThePasswordOfAnAccountWithoutTwoFactorForAPasswordToken() {
        var exchanged = exchange.exchange(" Ann@Example.com ", PASSWORD, CLIENT);

        assertThat(exchanged.accessToken()).isEqualTo("header.claims.signature");
        assertThat(exchanged.ttl()).isEqualTo(Duration.ofMinutes(10));
        verify(accessTokens).issue(eq(ann), eq(List.of("pwd")), isNull(), any());
    }

    @Test
    void exchangesAPersonalAccessTokenForAPatTokenInThatTokensSession() {
        when(tokens.authenticate(PAT)).thenReturn(Optional.of(new PersonalAccessTokens.Authenticated(ann.id(), PAT_ID)));
        when(mfa.isEnabled(ann.id())).thenReturn(true);

        exchange.exchange(EMAIL, PAT, CLIENT);

        verify(accessTokens).issue(eq(ann), eq(List.of("pat")), eq(PAT_ID), any());
        verify(passwords, never()).matches(anyString(), anyString());
    }

    /** OWASP ASVS 5.0 V6.3.4: every authentication pathway enforces the account's strength; a password alone is one factor. */
    @Test
    void refusesAPasswordForAnAccountWithTwoFactorAsMfaRequired() {
        when(mfa.isEnabled(ann.id())).thenReturn(true);

        assertThatExceptionOfType(DomainException.Unauthenticated.class).isThrownBy(() -> exchange.exchange(EMAIL, PASSWORD, CLIENT))
                .satisfies(problem -> assertThat(problem.slug()).isEqualTo("mfa-required"));
        verify(accessTokens, never()).issue(any(), anyList(), any(), any());
    }

    /** OWASP ASVS 5.0 V6.3.8: the 2FA state of an account is revealed only to someone who knows its password. */
    @Test
    void answersAWrongPasswordForATwoFactorAccountAsInvalidCredentials() {
        when(mfa.isEnabled(ann.id())).thenReturn(true);

        assertInvalidCredentials(() -> exchange.exchange(EMAIL, "not-the-password-at-all", CLIENT));
    }

    static Stream<Arguments> refusals() {
        return Stream.<Arguments>of(
                Arguments.of("wrong password (OWASP API2:2023)", (Consumer<CredentialExchangeTests>) test -> { }, EMAIL, "wrong-password-123"),
                Arguments.of("unknown address, same answer (OWASP ASVS 5.0 V6.3.8)", (Consumer<CredentialExchangeTests>) test -> { },
                        "nobody@example.com", PASSWORD),
                Arguments.of("locked account (OWASP ASVS 5.0 V7.4.2)", (Consumer<CredentialExchangeTests>) test -> test.ann.lock(java.time.Instant.EPOCH),
                        EMAIL, PASSWORD),
                Arguments.of("unknown, revoked or expired PAT (OWASP API2:2023)",
                        (Consumer<CredentialExchangeTests>) test -> when(test.tokens.authenticate(PAT)).thenReturn(Optional.empty()),
                        EMAIL, PAT),
                Arguments.of("PAT of another account (OWASP API1:2023)",
                        (Consumer<CredentialExchangeTests>) test -> when(test.tokens.authenticate(PAT)).thenReturn(Optional.of(new PersonalAccessTokens.Authenticated(test.bob.id(), PAT_ID))),
                        EMAIL, PAT),
                Arguments.of("PAT of a locked account (OWASP ASVS 5.0 V7.4.2)", (Consumer<CredentialExchangeTests>) test -> {
                    when(test.tokens.authenticate(PAT)).thenReturn(Optional.of(new PersonalAccessTokens.Authenticated(test.ann.id(), PAT_ID)));
                    test.ann.lock(java.time.Instant.EPOCH);
                }, EMAIL, PAT),
                Arguments.of("PAT of a deleted account (OWASP ASVS 5.0 V7.4.2)", (Consumer<CredentialExchangeTests>) test -> {
                    var gone = UUID.randomUUID();
                    when(test.tokens.authenticate(PAT)).thenReturn(Optional.of(new PersonalAccessTokens.Authenticated(gone, PAT_ID)));
                }, EMAIL, PAT),
                Arguments.of("a malformed PAT is not tried as a password", (Consumer<CredentialExchangeTests>) test -> { },
                        EMAIL, "kitty_pat_garbage"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithTheSameInvalidCredentialsAnswer(String description, Consumer<CredentialExchangeTests> arrange, String email,
            String secret) {
        arrange.accept(this);

        assertInvalidCredentials(() -> exchange.exchange(email, secret, CLIENT));
        verify(accessTokens, never()).issue(any(), anyList(), any(), any());
    }

    /** Unknown addresses pay for one password hash check too, so timing does not reveal accounts (OWASP ASVS 5.0 V6.3.8). */
    @Test
    void checksADecoyHashForAnUnknownAddress() {
        assertInvalidCredentials(() -> exchange.exchange("nobody@example.com", PASSWORD, CLIENT));

        verify(passwords).matches(PASSWORD, "{argon2}decoy");
    }

    /** OWASP ASVS 5.0 V6.3.1, API2:2023: the login throttle applies to the exchange, keyed by account and client address. */
    @Test
    void throttlesRepeatedFailuresLikeLogin() {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertInvalidCredentials(() -> exchange.exchange(EMAIL, "wrong-password-123", CLIENT));
        }

        assertThatExceptionOfType(DomainException.Throttled.class).isThrownBy(() -> exchange.exchange(EMAIL, PASSWORD, CLIENT))
                .satisfies(problem -> assertThat(problem.retryAfter()).isPositive());
    }

    private static void assertInvalidCredentials(Runnable call) {
        assertThatExceptionOfType(DomainException.Unauthenticated.class).isThrownBy(call::run).satisfies(problem -> {
            assertThat(problem.slug()).isEqualTo("invalid-credentials");
            assertThat(problem.detail()).isEqualTo("The email address or the password is wrong.");
        });
    }
}
