package dev.kitty.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TotpCredentialTests {

    private static final Instant NOW = Instant.parse("2026-03-14T15:09:26Z");

    private final TotpCredential credential = TotpCredential.enrol(UUID.randomUUID(), new byte[] {1, 2, 3}, "scheme", NOW);

    @Test
    void isNoSecondFactorUntilConfirmed() {
        assertThat(credential.enabled()).isFalse();

        credential.enable(100, NOW, "ann@kitty.test");

        assertThat(credential.enabled()).isTrue();
        assertThat(credential.lastUsedStep()).as("the confirming code is spent").isEqualTo(100);
    }

    /** RFC 6238 §5.2; OWASP ASVS 5.0 6.5.1: a code is usable once, and so is every code before it. */
    @Test
    void spendsEachStepOnceAndNeverGoesBack() {
        credential.enable(100, NOW, "ann@kitty.test");

        assertThat(credential.use(100)).isFalse();
        assertThat(credential.use(99)).isFalse();
        assertThat(credential.use(101)).isTrue();
        assertThat(credential.use(101)).isFalse();
    }

    @Test
    void cannotBeReplacedOrEnabledAgainWhileOn() {
        credential.enable(100, NOW, "ann@kitty.test");

        assertThatThrownBy(() -> credential.restart(new byte[] {4}, "scheme", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> credential.enable(200, NOW, "ann@kitty.test")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startingOverBeforeConfirmingForgetsEverything() {
        credential.use(100);

        credential.restart(new byte[] {4}, "scheme", NOW);

        assertThat(credential.sealedSecret()).containsExactly(4);
        assertThat(credential.lastUsedStep()).isNull();
    }

    /** OWASP ASVS 5.0 6.3.7: switching the second factor on and off each record one notice for the owner. */
    @Test
    void recordsASecurityNoticeWhenSwitchedOnAndOff() {
        credential.enable(100, NOW, "ann@kitty.test");
        credential.disable(NOW.plusSeconds(60), "ann@kitty.test");

        assertThat(credential.recordedEvents()).containsExactly(
                dev.kitty.auth.account.SecurityChanged.of(credential.accountId(), "ann@kitty.test",
                        dev.kitty.auth.account.SecurityChanged.Change.TWO_FACTOR_ENABLED, NOW),
                dev.kitty.auth.account.SecurityChanged.of(credential.accountId(), "ann@kitty.test",
                        dev.kitty.auth.account.SecurityChanged.Change.TWO_FACTOR_DISABLED, NOW.plusSeconds(60)));
    }
}
