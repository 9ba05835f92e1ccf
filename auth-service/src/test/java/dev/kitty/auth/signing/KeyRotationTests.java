package dev.kitty.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.nimbusds.jose.jwk.JWK;
import dev.kitty.auth.config.AuthProperties;
import dev.kitty.auth.config.AuthProperties.PasswordHashing;
import dev.kitty.platform.test.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The key life cycle over simulated time (OWASP ASVS 5.0 V11.1.1: keys have a managed life cycle),
 * against a repository that keeps rows in a list.
 */
class KeyRotationTests {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final AuthProperties PROPERTIES = new AuthProperties(Duration.ofMinutes(10), Duration.ofDays(30),
            Duration.ofHours(24), "0123456789abcdef0123456789abcdef", 2048, new PasswordHashing(19456, 2, 1));
    private static final Duration INTERVAL = Duration.ofDays(30);
    /** Access-token lifetime plus the verifiers' clock skew. */
    private static final Duration RETIRE_AFTER = Duration.ofMinutes(11);

    private final List<SigningKey> rows = new ArrayList<>();
    private final SigningKeyRepository repository = mock(SigningKeyRepository.class);
    private final MutableClock clock = new MutableClock(START);
    private SigningKeys keys;
    private KeyRotation rotation;

    @BeforeEach
    void startWithOneKey() {
        when(repository.findByRetiredAtIsNullOrderByCreatedAtDesc()).thenAnswer(call -> rows.stream()
                .filter(row -> row.retiredAt() == null).sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList());
        when(repository.lockActive()).thenAnswer(call -> rows.stream().filter(SigningKey::active).findFirst());
        when(repository.saveAndFlush(any())).thenAnswer(call -> {
            SigningKey row = call.getArgument(0);
            if (!rows.contains(row)) {
                rows.add(row);
            }
            return row;
        });
        keys = new SigningKeys(repository, PROPERTIES, clock);
        keys.afterPropertiesSet();
        rotation = new KeyRotation(repository, keys, new NoTransactions(), new SigningKeyProperties(INTERVAL, Duration.ofMinutes(1)),
                PROPERTIES, clock);
    }

    @Test
    void doesNothingWhileTheKeyIsYoung() {
        var first = keys.signingKey().getKeyID();

        clock.advance(INTERVAL.minus(KeyRotation.PUBLICATION_LEAD).minusMinutes(1));
        rotation.maintain();

        assertThat(rows).hasSize(1);
        assertThat(keys.signingKey().getKeyID()).isEqualTo(first);
    }

    @Test
    void publishesTheNextKeyBeforeItSignsThenSwitchesWhenTheIntervalIsUp() {
        var first = keys.signingKey().getKeyID();

        clock.advance(INTERVAL.minus(KeyRotation.PUBLICATION_LEAD));
        rotation.maintain();
        var next = rows.stream().filter(SigningKey::pending).findFirst().orElseThrow().kid();
        assertThat(published()).as("pre-published, not yet signing").containsExactlyInAnyOrder(first, next);
        assertThat(keys.signingKey().getKeyID()).isEqualTo(first);

        clock.advance(KeyRotation.PUBLICATION_LEAD);
        rotation.maintain();
        assertThat(keys.signingKey().getKeyID()).isEqualTo(next);
        assertThat(published()).as("the old key still verifies its tokens").containsExactlyInAnyOrder(first, next);
    }

    @Test
    void retiresTheOldKeyOnceEveryTokenItSignedHasExpiredAndErasesItsPrivatePart() {
        var first = keys.signingKey().getKeyID();
        var second = rotation.rotateNow();

        clock.advance(RETIRE_AFTER.minusSeconds(1));
        rotation.maintain();
        assertThat(published()).containsExactlyInAnyOrder(first, second);

        clock.advance(Duration.ofSeconds(1));
        rotation.maintain();
        assertThat(published()).containsExactly(second);
        var retired = rows.stream().filter(row -> row.kid().equals(first)).findFirst().orElseThrow();
        assertThat(retired.privateKey()).isEmpty();
        assertThat(retired.privateKeyProtection()).isEqualTo(SigningKey.ERASED);
    }

    @Test
    void rotatesOnDemandAtOnceAndSignsWithTheNewKey() {
        var first = keys.signingKey().getKeyID();

        var second = rotation.rotateNow();

        assertThat(second).isNotEqualTo(first);
        assertThat(keys.signingKey().getKeyID()).isEqualTo(second);
        assertThat(rows.stream().filter(SigningKey::active).map(SigningKey::kid)).containsExactly(second);
        assertThat(published()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void rotatingOnDemandUsesAnAlreadyPublishedNextKey() {
        clock.advance(INTERVAL.minus(KeyRotation.PUBLICATION_LEAD));
        rotation.maintain();
        var prePublished = rows.stream().filter(SigningKey::pending).findFirst().orElseThrow().kid();

        assertThat(rotation.rotateNow()).isEqualTo(prePublished);
        assertThat(rows).hasSize(2);
    }

    @Test
    void keepsSeveralOldKeysUntilEachHasRunOut() {
        var first = keys.signingKey().getKeyID();
        var second = rotation.rotateNow();
        clock.advance(Duration.ofMinutes(5));
        var third = rotation.rotateNow();

        clock.advance(Duration.ofMinutes(6));
        rotation.maintain();
        assertThat(published()).containsExactlyInAnyOrder(second, third);

        clock.advance(Duration.ofMinutes(5));
        rotation.maintain();
        assertThat(published()).containsExactly(third);
        assertThat(first).isNotIn(published());
    }

    private List<String> published() {
        return keys.publishedKeys().getKeys().stream().map(JWK::getKeyID).toList();
    }

    /** The template runs the callback directly: the list-backed repository has nothing to commit. */
    static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
