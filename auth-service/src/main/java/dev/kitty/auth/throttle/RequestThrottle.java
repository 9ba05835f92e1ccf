package dev.kitty.auth.throttle;

import dev.kitty.auth.account.Account;
import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Rate limits for public endpoints that cost us work or mail someone (OWASP API Top 10 2023
 * API4/API6): registration per client address, password-reset requests per client address and
 * per email address. Every call counts as an attempt; the one over the limit gets 429
 * {@code throttled} with {@code Retry-After}.
 */
@Component
public class RequestThrottle {

    private final AttemptLimiter registrations;
    private final AttemptLimiter resetsByAddress;
    private final AttemptLimiter resetsByEmail;

    public RequestThrottle(ThrottleProperties properties, Clock clock) {
        var max = properties.maxLockout();
        var keys = properties.maxTrackedKeys();
        this.registrations = new AttemptLimiter(properties.registrations(), max, keys, clock);
        this.resetsByAddress = new AttemptLimiter(properties.passwordResetsByAddress(), max, keys, clock);
        this.resetsByEmail = new AttemptLimiter(properties.passwordResetsByEmail(), max, keys, clock);
    }

    /** @throws DomainException.Throttled when {@code address} registered too often lately */
    public void registration(String address) {
        registrations.tryAcquire(address).ifPresent(wait -> {
            throw LoginThrottle.throttled(wait);
        });
    }

    /** @throws DomainException.Throttled when resets were requested too often for this email (known or not) or from this address */
    public void passwordResetRequest(String email, String address) {
        var byAddress = resetsByAddress.blockedFor(address);
        var byEmail = resetsByEmail.blockedFor(Account.normaliseEmail(email));
        LoginThrottle.longest(byAddress, byEmail).ifPresent(wait -> {
            throw LoginThrottle.throttled(wait);
        });
        resetsByAddress.record(address);
        resetsByEmail.record(Account.normaliseEmail(email));
    }
}
