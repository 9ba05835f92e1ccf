package dev.kitty.auth.pat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalAccessTokenTests {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final UUID ACCOUNT = UUID.fromString("2b1f8a40-0000-4000-8000-000000000001");

    @Test
    void matchesOnlyItsOwnSecret() {
        var secret = PatSecret.generate();
        var token = PersonalAccessToken.issue(ACCOUNT, "ann@kitty.test", "ci", secret, NOW, null);

        assertThat(token.matches(secret)).isTrue();
        assertThat(token.matches(new PatSecret(secret.lookupId(), PatSecret.generate().secret()))).isFalse();
        assertThat(token.matches(new PatSecret(PatSecret.generate().lookupId(), secret.secret()))).isFalse();
    }

    @Test
    void withoutExpiryStaysUsableUntilRevoked() {
        var token = PersonalAccessToken.issue(ACCOUNT, "ann@kitty.test", "ci", PatSecret.generate(), NOW, null);

        assertThat(token.usableAt(NOW.plus(Duration.ofDays(10_000)))).isTrue();
        token.revoke(NOW.plusSeconds(1));
        assertThat(token.usableAt(NOW.plusSeconds(2))).isFalse();
        assertThat(token.revoked()).isTrue();
    }

    /** OWASP API2:2023 (broken authentication): an expired credential never works again. */
    @Test
    void stopsWorkingTheMomentItExpires() {
        var expiry = NOW.plus(Duration.ofDays(30));
        var token = PersonalAccessToken.issue(ACCOUNT, "ann@kitty.test", "ci", PatSecret.generate(), NOW, expiry);

        assertThat(token.usableAt(expiry.minusMillis(1))).isTrue();
        assertThat(token.usableAt(expiry)).isFalse();
    }

    @Test
    void remembersTheFirstRevocation() {
        var token = PersonalAccessToken.issue(ACCOUNT, "ann@kitty.test", "ci", PatSecret.generate(), NOW, null);
        token.revoke(NOW);
        token.revoke(NOW.plusSeconds(60));

        assertThat(token.usableAt(NOW)).isFalse();
        assertThat(token.recordedEvents()).as("one revocation, announced once")
                .filteredOn(PersonalAccessTokenRevoked.class::isInstance)
                .containsExactly(new PersonalAccessTokenRevoked(ACCOUNT, token.id(), NOW));
    }

    /** OWASP ASVS 5.0 6.3.7: the owner hears of every new token, by name. */
    @Test
    void recordsASecurityNoticeNamingTheTokenWhenIssued() {
        var token = PersonalAccessToken.issue(ACCOUNT, "ann@kitty.test", "laptop backup", PatSecret.generate(), NOW, null);

        assertThat(token.recordedEvents()).containsExactly(new dev.kitty.auth.account.SecurityChanged(ACCOUNT, "ann@kitty.test",
                dev.kitty.auth.account.SecurityChanged.Change.PERSONAL_ACCESS_TOKEN_CREATED, "laptop backup", NOW));
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"", "   "})
    void refusesABlankName(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> PersonalAccessToken.issue(ACCOUNT, "ann@kitty.test", name, PatSecret.generate(), NOW, null));
    }

    @Test
    void refusesANameOver80Characters() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> PersonalAccessToken.issue(ACCOUNT, "ann@kitty.test", "x".repeat(81), PatSecret.generate(), NOW, null));
        assertThat(PersonalAccessToken.issue(ACCOUNT, "ann@kitty.test", "x".repeat(80), PatSecret.generate(), NOW, null).name()).hasSize(80);
    }

    @Test
    void refusesAnExpiryNotAfterCreation() {
        assertThatIllegalArgumentException().isThrownBy(() -> PersonalAccessToken.issue(ACCOUNT, "ann@kitty.test", "ci", PatSecret.generate(), NOW, NOW));
    }
}
