package dev.kitty.identity.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsRevokedTests {

    private static final UUID USER = UUID.fromString("3f8a2c7e-5b1d-4e6f-9a0b-1c2d3e4f5a6b");
    private static final String S1 = "11111111-1111-1111-1111-111111111111";
    private static final String S2 = "22222222-2222-2222-2222-222222222222";
    private static final Instant REVOKED_AT = Instant.parse("2026-11-23T09:15:30.400Z");

    @ParameterizedTest(name = "{0}: issued {1}, sid {2} → refused {3}")
    @CsvSource(nullValues = "-", textBlock = """
            # scope           issued at                   sid  refused
            all,              2026-11-23T09:15:29Z,        -,   true
            all,              2026-11-23T09:15:30Z,        S1,  true
            all,              2026-11-23T09:15:31Z,        S1,  false
            session S1,       2026-11-23T09:15:00Z,        S1,  true
            session S1,       2026-11-23T09:15:00Z,        S2,  false
            session S1,       2026-11-23T09:15:00Z,        -,   false
            except S1,        2026-11-23T09:15:00Z,        S1,  false
            except S1,        2026-11-23T09:15:00Z,        S2,  true
            except S1,        2026-11-23T09:15:00Z,        -,   true
            except S1,        2026-11-23T09:16:00Z,        S2,  false
            """)
    void refusesTokensIssuedUpToTheRevocationWithinItsScope(String scope, Instant issuedAt, String sid, boolean refused) {
        var revocation = switch (scope) {
            case "all" -> CredentialsRevoked.allTokens(USER, CredentialsRevoked.REASON_ACCOUNT_LOCKED, REVOKED_AT);
            case "session S1" -> new CredentialsRevoked(USER, CredentialsRevoked.REASON_PERSONAL_ACCESS_TOKEN_REVOKED, REVOKED_AT,
                    UUID.fromString(S1), null);
            case "except S1" -> new CredentialsRevoked(USER, CredentialsRevoked.REASON_PASSWORD_CHANGED, REVOKED_AT, null,
                    UUID.fromString(S1));
            default -> throw new IllegalArgumentException(scope);
        };
        var session = sid == null ? null : sid.equals("S1") ? S1 : S2;

        assertThat(revocation.covers(issuedAt, session)).isEqualTo(refused);
    }

    @org.junit.jupiter.api.Test
    void refusesToExistWithoutItsRequiredFields() {
        assertThatNullPointerException().isThrownBy(() -> new CredentialsRevoked(null, "X", REVOKED_AT, null, null));
        assertThatNullPointerException().isThrownBy(() -> new CredentialsRevoked(USER, "X", null, null, null));
    }
}
