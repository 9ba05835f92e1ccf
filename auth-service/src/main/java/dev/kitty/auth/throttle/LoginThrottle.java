package dev.kitty.auth.throttle;

import dev.kitty.auth.account.Account;
import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection for every check of a password or second factor (OWASP ASVS 5.0
 * 6.3.1, OWASP API Top 10 2023 API2/API4), per account and per client address.
 *
 * <p>How to use it around a credential check (login, Basic exchange, password change, MFA):
 * <pre>{@code
 * loginThrottle.check(email, address);          // 429 problem ".../throttled" + Retry-After, BEFORE any password work
 * if (wrong) loginThrottle.recordFailure(email, address);
 * else       loginThrottle.recordSuccess(email, address);
 * }</pre>
 * {@code email} is the address as typed (normalised here) and is counted whether or not an
 * account has it, so a lockout says nothing about which addresses exist. {@code address} is the
 * client address, {@code request.getRemoteAddr()} (the gateway's {@code X-Forwarded-For} is
 * honoured). A success clears the account's count but never the address's: otherwise one
 * working account would reset an attacker's budget for guessing at others.
 */
@Component
public class LoginThrottle {

    private final AttemptLimiter byAccount;
    private final AttemptLimiter byAddress;

    public LoginThrottle(ThrottleProperties properties, Clock clock) {
        this.byAccount = new AttemptLimiter(properties.accountFailures(), properties.maxLockout(), properties.maxTrackedKeys(), clock);
        this.byAddress = new AttemptLimiter(properties.addressFailures(), properties.maxLockout(), properties.maxTrackedKeys(), clock);
    }

    /** @throws DomainException.Throttled (answered with {@code Retry-After}) while the account or the address is locked out */
    public void check(String email, String address) {
        var account = byAccount.blockedFor(accountKey(email));
        var client = byAddress.blockedFor(address);
        longest(account, client).ifPresent(wait -> {
            throw throttled(wait);
        });
    }

    /**
     * As {@link #check(String, String)} for the account alone, for checks whose caller is another service
     * rather than the person (account deletion approvals, asked by user-service): its address is no client's,
     * and counting it would let one person's wrong passwords throttle everybody.
     */
    public void checkAccount(String email) {
        byAccount.blockedFor(accountKey(email)).ifPresent(wait -> {
            throw throttled(wait);
        });
    }

    /** Counts a failure against the account alone (see {@link #checkAccount(String)}). */
    public void recordAccountFailure(String email) {
        byAccount.record(accountKey(email));
    }

    public void recordFailure(String email, String address) {
        byAccount.record(accountKey(email));
        byAddress.record(address);
    }

    public void recordSuccess(String email, String address) {
        byAccount.reset(accountKey(email));
    }

    /** A password reset proved control of the mailbox: the account's lockout is lifted (the address's is not). */
    public void forgiveAccount(String email) {
        byAccount.reset(accountKey(email));
    }

    static DomainException.Throttled throttled(Duration wait) {
        return new DomainException.Throttled("Too many attempts. Try again later.", wait);
    }

    static Optional<Duration> longest(Optional<Duration> first, Optional<Duration> second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        return Optional.of(first.get().compareTo(second.get()) >= 0 ? first.get() : second.get());
    }

    private static String accountKey(String email) {
        return Account.normaliseEmail(email);
    }
}
