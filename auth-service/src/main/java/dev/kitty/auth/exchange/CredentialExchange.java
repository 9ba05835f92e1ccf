package dev.kitty.auth.exchange;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.mfa.Mfa;
import dev.kitty.auth.pat.PersonalAccessTokens;
import dev.kitty.auth.session.AccessTokens;
import dev.kitty.auth.throttle.LoginThrottle;
import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trades the email and secret of an HTTP Basic header for one short-lived access token, for
 * the gateway to cache and relay. No refresh token: the gateway exchanges again when its token
 * runs out, so a lock or a revoked PAT takes effect within one access-token lifetime.
 *
 * <p>The rules are login's (OWASP ASVS 5.0 V6.3): the same throttle per account and per client
 * address, the same {@code invalid-credentials} answer for an unknown address, a wrong secret
 * and a locked account, after the same work. A password opens only accounts without 2FA
 * (with 2FA on, a password alone is one factor: {@code mfa-required}, and only once the
 * password was right, so the answer reveals nothing to someone without it). A personal access
 * token opens any account: the user created it while signed in with every factor they have.
 */
@Service
class CredentialExchange {

    static final List<String> PASSWORD = List.of("pwd");
    static final List<String> PERSONAL_ACCESS_TOKEN = List.of("pat");

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final PersonalAccessTokens personalAccessTokens;
    private final Mfa mfa;
    private final LoginThrottle throttle;
    private final AccessTokens accessTokens;
    private final Clock clock;
    /** Checked against when the address is unknown, so that case costs as much as a wrong password. */
    private final String decoyHash;

    CredentialExchange(Accounts accounts, PasswordEncoder passwordEncoder, PersonalAccessTokens personalAccessTokens,
            Mfa mfa, LoginThrottle throttle, AccessTokens accessTokens, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.personalAccessTokens = personalAccessTokens;
        this.mfa = mfa;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * @param clientAddress for the per-address throttle
     * @throws DomainException {@code throttled}, {@code invalid-credentials} or {@code mfa-required}
     */
    @Transactional
    Exchanged exchange(String email, String secret, String clientAddress) {
        throttle.check(email, clientAddress);
        var normalised = Account.normaliseEmail(email);
        var usingToken = PersonalAccessTokens.looksLikeToken(secret);
        var token = usingToken ? personalAccessTokens.authenticate(secret) : Optional.<PersonalAccessTokens.Authenticated>empty();
        var account = usingToken ? byToken(normalised, token) : byPassword(normalised, secret);
        if (account.isEmpty()) {
            throttle.recordFailure(email, clientAddress);
            throw invalidCredentials();
        }
        if (!usingToken && mfa.isEnabled(account.get().id())) {
            throw new DomainException.Unauthenticated("mfa-required",
                    "Two-factor authentication is on for this account: a password alone cannot be exchanged. "
                            + "Use a personal access token, or log in with your code.");
        }
        throttle.recordSuccess(email, clientAddress);
        var methods = usingToken ? PERSONAL_ACCESS_TOKEN : PASSWORD;
        // a token exchanged for a PAT belongs to that PAT's session: revoking the PAT ends exactly those tokens
        var session = token.map(PersonalAccessTokens.Authenticated::tokenId).orElse(null);
        return new Exchanged(accessTokens.issue(account.get(), methods, session, clock.instant()), accessTokens.ttl());
    }

    /** The token must be usable and belong to the account of that address: a PAT is not a key to other accounts. */
    private Optional<Account> byToken(String email, Optional<PersonalAccessTokens.Authenticated> token) {
        return token.map(PersonalAccessTokens.Authenticated::accountId)
                .flatMap(accounts::findById)
                .filter(account -> account.email().equals(email))
                .filter(Account::canSignIn);
    }

    private Optional<Account> byPassword(String email, String password) {
        var found = accounts.findByEmail(email);
        if (found.isEmpty()) {
            passwordEncoder.matches(password, decoyHash);
            return Optional.empty();
        }
        return found.filter(account -> passwordEncoder.matches(password, account.passwordHash())).filter(Account::canSignIn);
    }

    /** Same type and body as a failed login, so the two endpoints cannot be played off against each other. */
    static DomainException.Unauthenticated invalidCredentials() {
        return new DomainException.Unauthenticated("invalid-credentials", "The email address or the password is wrong.");
    }

    record Exchanged(String accessToken, Duration ttl) {

        @Override
        public String toString() {
            return "Exchanged[ttl=" + ttl + ", token redacted]";
        }
    }
}
