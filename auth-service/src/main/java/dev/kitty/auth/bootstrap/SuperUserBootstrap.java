package dev.kitty.auth.bootstrap;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.account.SystemRole;
import dev.kitty.auth.registration.PasswordPolicy;
import java.time.Clock;
import java.util.EnumSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure the system has a super user: at start-up, while none exists, the configured one is
 * created (verified address, USER + ADMIN + SUPER_USER, announced like a registration) or, if
 * an account with that address exists, promoted. Idempotent, and safe with several instances
 * starting at once.
 *
 * <p>An existing account is promoted only if the configured password is its password: otherwise
 * whoever registered the operator's address first (before the bootstrap ran) would be handed
 * the keys to the system. That mismatch, a weak password or half a configuration stop the
 * start-up: the operator asked for a super user and must not be left believing there is one.
 */
@Component
class SuperUserBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SuperUserBootstrap.class);

    /** Serialises bootstraps of instances starting together (a PostgreSQL transaction-level advisory lock). */
    static final long ADVISORY_LOCK = 0x6b69747479L; // "kitty"
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    enum Outcome { NOT_CONFIGURED, ALREADY_PRESENT, CREATED, PROMOTED }

    private final BootstrapProperties properties;
    private final SuperUsers superUsers;
    private final Accounts accounts;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SuperUserBootstrap(BootstrapProperties properties, SuperUsers superUsers, Accounts accounts,
            PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, JdbcClient jdbc,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.properties = properties;
        this.superUsers = superUsers;
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrap(properties.superUser());
    }

    Outcome bootstrap(BootstrapProperties.SuperUser configured) {
        var outcome = transaction.execute(status -> inTransaction(configured));
        if (outcome == Outcome.NOT_CONFIGURED) {
            log.warn("No SUPER_USER exists and none is configured: set KITTY_AUTH_BOOTSTRAP_SUPER_USER_EMAIL and "
                    + "KITTY_AUTH_BOOTSTRAP_SUPER_USER_PASSWORD to create one");
        }
        return outcome;
    }

    private Outcome inTransaction(BootstrapProperties.SuperUser configured) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ADVISORY_LOCK).query((rs, row) -> row).list();
        if (superUsers.anyExists()) {
            return Outcome.ALREADY_PRESENT;
        }
        if (!configured.configured()) {
            return Outcome.NOT_CONFIGURED;
        }
        var email = validEmail(configured.email());
        var password = validPassword(configured.password(), email);
        var existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            var account = existing.get();
            if (!passwordEncoder.matches(password, account.passwordHash())) {
                throw new IllegalStateException("An account with the address in KITTY_AUTH_BOOTSTRAP_SUPER_USER_EMAIL exists, "
                        + "but KITTY_AUTH_BOOTSTRAP_SUPER_USER_PASSWORD is not its password: refusing to promote it. "
                        + "Configure that account's password, or another address.");
            }
            account.changeRoles(EnumSet.allOf(SystemRole.class));
            accounts.save(account);
            log.info("Promoted existing account {} ({}) to SUPER_USER from the bootstrap configuration", account.id(), email);
            return Outcome.PROMOTED;
        }
        var now = clock.instant();
        var account = Account.register(email, passwordEncoder.encode(password), configured.displayName(), now);
        account.verifyEmail(email, now); // the operator chose the address; there is nobody to send a link to yet
        account.changeRoles(EnumSet.allOf(SystemRole.class));
        accounts.saveAndFlush(account);
        log.info("Created SUPER_USER account {} ({}) from the bootstrap configuration", account.id(), email);
        return Outcome.CREATED;
    }

    private static String validEmail(@Nullable String raw) {
        var email = raw == null ? "" : Account.normaliseEmail(raw);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new IllegalStateException("KITTY_AUTH_BOOTSTRAP_SUPER_USER_EMAIL (kitty.auth.bootstrap.super-user.email) "
                    + "must be set to an email address when a bootstrap password is set");
        }
        return email;
    }

    /** The message names the rule broken, never the password. */
    private String validPassword(@Nullable String password, String email) {
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("KITTY_AUTH_BOOTSTRAP_SUPER_USER_PASSWORD (kitty.auth.bootstrap.super-user.password) "
                    + "must be set when a bootstrap email is set");
        }
        passwordPolicy.weaknessOf(password, email).ifPresent(weakness -> {
            throw new IllegalStateException("KITTY_AUTH_BOOTSTRAP_SUPER_USER_PASSWORD is refused by the password policy: it "
                    + weakness.message());
        });
        return password;
    }
}
