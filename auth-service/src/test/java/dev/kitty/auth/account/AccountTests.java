package dev.kitty.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AccountTests {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ann@example.com|ann@example.com",
            "Ann@Example.COM|ann@example.com",
            "'  ann@example.com  '|ann@example.com",
            "'\tANN@EXAMPLE.COM\n'|ann@example.com"})
    void normalisesAddressesToOneStoredForm(String raw, String normalised) {
        assertThat(Account.normaliseEmail(raw)).isEqualTo(normalised);
    }

    @Test
    void startsActiveUnverifiedWithTheUserRole() {
        var account = Account.register("ann@example.com", "{argon2}hash", "Test User", NOW);

        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.canSignIn()).isTrue();
        assertThat(account.emailVerified()).isFalse();
        assertThat(account.roles()).containsExactly(SystemRole.USER);
        assertThat(account.createdAt()).isEqualTo(NOW);
    }

    @Test
    void refusesAnAddressThatIsNotNormalised() {
        assertThatIllegalArgumentException().isThrownBy(() -> Account.register("Ann@example.com", "{argon2}hash", "Test User", NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> Account.register("", "{argon2}hash", "Test User", NOW));
    }

    @Test
    void verifiesOnlyItsCurrentAddress() {
        var account = Account.register("ann@example.com", "{argon2}hash", "Test User", NOW);

        assertThat(account.verifyEmail("old@example.com", NOW)).isFalse();
        assertThat(account.emailVerified()).isFalse();
        assertThat(account.verifyEmail("ann@example.com", NOW)).isTrue();
        assertThat(account.emailVerified()).isTrue();
        assertThat(account.verifyEmail("ann@example.com", NOW)).as("again: still verified").isTrue();
        assertThat(account.recordedEvents()).filteredOn(EmailAddressVerified.class::isInstance)
                .containsExactly(new EmailAddressVerified(account.id(), "ann@example.com", NOW));
    }

    @Test
    void recordsWhatOthersMustHearOfOnlyWhenSomethingChanged() {
        var account = Account.register("ann@example.com", "{argon2}hash", "Ann", NOW);
        var session = java.util.UUID.randomUUID();

        account.changeRoles(java.util.Set.of(SystemRole.USER));
        account.changeRoles(java.util.Set.of(SystemRole.ADMIN));
        account.changePassword("{argon2}new", session, NOW);
        account.resetPassword("{argon2}newer", NOW);
        account.lock(NOW);
        account.lock(NOW);

        assertThat(account.recordedEvents()).containsExactly(
                new AccountRegistered(account.id(), "ann@example.com", "Ann", NOW),
                new RolesChanged(account.id(), java.util.Set.of(SystemRole.USER), java.util.Set.of(SystemRole.USER, SystemRole.ADMIN)),
                new CredentialsChanged(account.id(), CredentialsChanged.What.PASSWORD_CHANGED, session),
                SecurityChanged.of(account.id(), "ann@example.com", SecurityChanged.Change.PASSWORD_CHANGED, NOW),
                new CredentialsChanged(account.id(), CredentialsChanged.What.PASSWORD_RESET, null),
                SecurityChanged.of(account.id(), "ann@example.com", SecurityChanged.Change.PASSWORD_RESET, NOW),
                new AccountLocked(account.id()),
                SecurityChanged.of(account.id(), "ann@example.com", SecurityChanged.Change.ACCOUNT_LOCKED, NOW));
    }
}
