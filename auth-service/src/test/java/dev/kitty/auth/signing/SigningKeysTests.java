package dev.kitty.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.kitty.auth.config.AuthProperties;
import dev.kitty.auth.config.AuthProperties.PasswordHashing;
import dev.kitty.auth.secret.SecretCipher;
import dev.kitty.platform.security.JwtPolicy;
import dev.kitty.platform.security.SecurityProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;

/** The key store with the encoder and decoder built on it, over a repository that keeps rows in a list. */
class SigningKeysTests {

    private static final org.springframework.beans.factory.ObjectProvider<dev.kitty.platform.revocation.RevokedCredentials> NO_DENY_LIST =
            new org.springframework.beans.factory.support.StaticListableBeanFactory()
                    .getBeanProvider(dev.kitty.platform.revocation.RevokedCredentials.class);

    private static final String ISSUER = "http://localhost:8080";
    private static final SecurityProperties SECURITY = new SecurityProperties(ISSUER, "kitty-api", URI.create("http://unused"), List.of());
    private static final AuthProperties PROPERTIES = new AuthProperties(Duration.ofMinutes(10), Duration.ofDays(30),
            Duration.ofHours(24), "0123456789abcdef0123456789abcdef", 2048, new PasswordHashing(19456, 2, 1));

    private final List<SigningKey> rows = new ArrayList<>();
    private final SigningKeyRepository repository = mock(SigningKeyRepository.class);
    private final SigningConfiguration configuration = new SigningConfiguration();

    @BeforeEach
    void storeRowsInAList() {
        when(repository.findByRetiredAtIsNullOrderByCreatedAtDesc()).thenAnswer(call -> List.copyOf(rows));
        when(repository.saveAndFlush(any())).thenAnswer(call -> {
            rows.add(call.getArgument(0));
            return call.getArgument(0);
        });
    }

    @Test
    void createsAnActiveKeyWhenThereIsNone() {
        var keys = started();

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.active()).isTrue();
            assertThat(row.algorithm()).isEqualTo("RS256");
            assertThat(row.privateKeyProtection()).isEqualTo(SecretCipher.KEY_PER_VALUE_SCHEME);
        });
        assertThat(keys.signingKey().getKeyID()).isEqualTo(rows.getFirst().kid());
        assertThat(keys.signingKey().size()).isEqualTo(2048);
    }

    @Test
    void reusesTheStoredKeyOnTheNextStart() throws Exception {
        var first = started();
        var second = started();

        assertThat(rows).hasSize(1);
        assertThat(second.signingKey().getKeyID()).isEqualTo(first.signingKey().getKeyID());
        assertThat(second.signingKey().toRSAPrivateKey()).isEqualTo(first.signingKey().toRSAPrivateKey());
        verify(repository).saveAndFlush(any());
    }

    @Test
    void publishesPublicHalvesOnlyWithKidUseAndAlg() {
        var jwks = started().publishedKeys().toJSONObject(true);

        @SuppressWarnings("unchecked")
        var key = ((List<java.util.Map<String, Object>>) jwks.get("keys")).getFirst();
        assertThat(key).containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256")
                .containsEntry("kid", rows.getFirst().kid()).containsKeys("n", "e").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }

    @Test
    void keepsPublishingAnInactiveKeyAndSignsWithTheActiveOne() {
        var old = started().signingKey().getKeyID();
        rows.getFirst().deactivate(Instant.now());
        var keys = started();

        assertThat(rows).hasSize(2);
        assertThat(keys.signingKey().getKeyID()).isNotEqualTo(old);
        assertThat(keys.publishedKeys().getKeys()).extracting(key -> key.getKeyID()).containsExactlyInAnyOrder(old, keys.signingKey().getKeyID());
    }

    @Test
    void decodesTokensItSignedUnderThePlatformPolicy() {
        var keys = started();
        var token = sign(keys, claims -> {});

        var jwt = configuration.ownKeysJwtDecoder(keys, SECURITY, NO_DENY_LIST).decode(token);

        assertThat(jwt.getSubject()).isEqualTo("2b1f8a40-0000-4000-8000-000000000001");
        assertThat(jwt.getHeaders()).containsEntry("kid", keys.signingKey().getKeyID()).containsEntry("alg", "RS256");
    }

    @Test
    void refusesTokensThatAreNotAccessTokensOrNotForUs() {
        var keys = started();
        var decoder = configuration.ownKeysJwtDecoder(keys, SECURITY, NO_DENY_LIST);

        for (Consumer<JwtClaimsSet.Builder> spoil : List.<Consumer<JwtClaimsSet.Builder>>of(
                claims -> claims.claim(JwtPolicy.TOKEN_USE_CLAIM, "refresh"),
                claims -> claims.audience(List.of("someone-else")),
                claims -> claims.issuer("http://evil.example"),
                claims -> claims.issuedAt(Instant.now().minusSeconds(900)).notBefore(Instant.now().minusSeconds(900))
                        .expiresAt(Instant.now().minusSeconds(120)))) {
            var token = sign(keys, spoil);
            assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
        }
    }

    @Test
    void refusesTokensSignedByAnUnknownKeyWithoutHammeringTheDatabase() {
        var keys = started();
        var strangerRows = new ArrayList<SigningKey>();
        var strangerRepository = mock(SigningKeyRepository.class);
        when(strangerRepository.findByRetiredAtIsNullOrderByCreatedAtDesc()).thenAnswer(call -> List.copyOf(strangerRows));
        when(strangerRepository.saveAndFlush(any())).thenAnswer(call -> {
            strangerRows.add(call.getArgument(0));
            return call.getArgument(0);
        });
        var stranger = new SigningKeys(strangerRepository, PROPERTIES, Clock.systemUTC());
        stranger.afterPropertiesSet();

        var decoder = configuration.ownKeysJwtDecoder(keys, SECURITY, NO_DENY_LIST);

        var foreignToken = sign(stranger, claims -> {});
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(foreignToken));
        }
        // start-up read, read after creating the key, and no more: an unknown kid re-reads at most every 10 s
        verify(repository, times(2)).findByRetiredAtIsNullOrderByCreatedAtDesc();
    }

    private SigningKeys started() {
        var keys = new SigningKeys(repository, PROPERTIES, Clock.systemUTC());
        keys.afterPropertiesSet();
        return keys;
    }

    private String sign(SigningKeys keys, Consumer<JwtClaimsSet.Builder> adjust) {
        var now = Instant.now();
        var claims = JwtClaimsSet.builder().issuer(ISSUER).subject("2b1f8a40-0000-4000-8000-000000000001")
                .audience(List.of("kitty-api")).issuedAt(now).notBefore(now).expiresAt(now.plusSeconds(600))
                .claim(JwtPolicy.TOKEN_USE_CLAIM, JwtPolicy.ACCESS_TOKEN_USE);
        adjust.accept(claims);
        var header = JwsHeader.with(JwtPolicy.ALGORITHM).build();
        return configuration.jwtEncoder(keys).encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
