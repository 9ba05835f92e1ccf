package dev.kitty.auth.session;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.CredentialsChanged;
import dev.kitty.auth.config.AuthProperties;
import dev.kitty.platform.revocation.RevokedCredentials;
import dev.kitty.platform.security.JwtPolicy;
import dev.kitty.platform.security.SecurityProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Mints the access tokens every service accepts (see the platform's {@link JwtPolicy}). The
 * encoder signs with the one active key and names it in {@code kid}.
 *
 * <p>Public for features that hand out access tokens without a refresh token (the Basic-auth
 * exchange): call {@link #issue(Account, List, UUID, Instant)} with {@code session = null} and
 * {@code amr} {@code ["pat"]} or {@code ["pwd"]}, and report {@link #ttl()} as {@code expires_in}.
 */
@Component
public class AccessTokens {

    private final JwtEncoder encoder;
    private final SecurityProperties security;
    private final Duration ttl;
    private final ObjectProvider<RevokedCredentials> revoked;

    AccessTokens(JwtEncoder encoder, SecurityProperties security, AuthProperties properties,
            ObjectProvider<RevokedCredentials> revoked) {
        this.encoder = encoder;
        this.security = security;
        this.ttl = properties.accessTokenTtl();
        this.revoked = revoked;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * @param authenticationMethods the {@code amr} values (RFC 8176): {@code pwd}, {@code otp}, {@code pat}
     * @param session               the login session (refresh-token family) the token belongs to, as the
     *                              {@code sid} claim; {@code null} for tokens outside a session
     */
    public String issue(Account account, List<String> authenticationMethods, @Nullable UUID session, Instant now) {
        now = afterLatestRevocation(account.id(), now);
        var claims = JwtClaimsSet.builder()
                .issuer(security.issuer())
                .subject(account.id().toString())
                .audience(List.of(security.audience()))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .claim(JwtPolicy.EMAIL_CLAIM, account.email())
                .claim(JwtPolicy.EMAIL_VERIFIED_CLAIM, account.emailVerified())
                .claim(JwtPolicy.ROLES_CLAIM, account.roles().stream().map(Enum::name).sorted().toList())
                .claim(JwtPolicy.AUTHENTICATION_METHODS_CLAIM, List.copyOf(authenticationMethods))
                .claim(JwtPolicy.TOKEN_USE_CLAIM, JwtPolicy.ACCESS_TOKEN_USE);
        if (session != null) {
            // lets a password change end every session but the caller's own (OIDC's sid)
            claims.claim(CredentialsChanged.SESSION_CLAIM, session.toString());
        }
        var header = JwsHeader.with(JwtPolicy.ALGORITHM).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /**
     * {@code iat} has whole seconds and a revocation covers every token issued up to its second, so a
     * token issued in the same second as a revocation of its account (a login right after a password
     * reset) is dated to the next second. Otherwise every resource server would refuse it.
     */
    private Instant afterLatestRevocation(UUID account, Instant now) {
        var latest = revoked.getIfAvailable() == null ? null : revoked.getObject().latestRevocation(account).orElse(null);
        if (latest == null || now.getEpochSecond() > latest.getEpochSecond()) {
            return now;
        }
        return Instant.ofEpochSecond(latest.getEpochSecond() + 1);
    }
}
