package dev.kitty.auth.admin;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.account.StoredRoles;
import dev.kitty.auth.account.SystemRole;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators may do to accounts. The controller's {@code @PreAuthorize} checks the
 * roles in the caller's token; every rule here checks the caller's <em>stored</em> roles
 * again ({@link StoredRoles}), so a demoted or locked administrator loses their powers at once rather than when
 * their access token expires (OWASP API5:2023, broken function level authorization). Changes
 * to the target's roles or status reach the target's tokens at the next token: access tokens
 * live at most 10 minutes, and locking revokes everything that could mint a new one.
 */
@Service
class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

    private final StoredRoles storedRoles;
    private final Accounts accounts;
    private final AdministeredAccounts administered;
    private final Clock clock;

    UserAdministration(StoredRoles storedRoles, Accounts accounts, AdministeredAccounts administered, Clock clock) {
        this.storedRoles = storedRoles;
        this.accounts = accounts;
        this.administered = administered;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<Account> list(UUID actorId, Pageable pageable) {
        storedRoles.require(actorId, SystemRole.ADMIN, SystemRole.SUPER_USER);
        return accounts.findAll(pageable);
    }

    /**
     * Replaces the target's roles; USER always stays. Taking SUPER_USER from the last active super
     * user is refused (409): nobody could grant it again short of the bootstrap.
     */
    @Transactional
    Account changeRoles(UUID actorId, UUID targetId, List<String> requested) {
        var roles = parse(requested);
        // first, so that concurrent changes of super users take turns and each sees the other's result
        administered.lockActiveSuperUsers();
        storedRoles.require(actorId, SystemRole.SUPER_USER);
        var target = target(targetId);
        if (target.hasRole(SystemRole.SUPER_USER) && !roles.contains(SystemRole.SUPER_USER)
                && administered.countActiveSuperUsersOtherThan(target.id()) == 0) {
            throw new DomainException.Conflict("last-super-user",
                    "This is the last active super user. Make someone else super user before removing this role.");
        }
        var before = Set.copyOf(target.roles());
        target.changeRoles(roles);
        accounts.saveAndFlush(target);
        log.info("Roles of account {} changed from {} to {} by {}", target.id(), before, target.roles(), actorId);
        return target;
    }

    @Transactional
    void lock(UUID actorId, UUID targetId) {
        var target = administrable(actorId, targetId, "lock");
        if (target.lock(clock.instant())) {
            accounts.save(target);
            log.info("Account {} locked by {}", target.id(), actorId);
        }
    }

    @Transactional
    void unlock(UUID actorId, UUID targetId) {
        var target = administrable(actorId, targetId, "unlock");
        target.unlock();
        log.info("Account {} unlocked by {}", target.id(), actorId);
    }

    /** Lock and unlock: never oneself, and an ADMIN only manages plain users. */
    private Account administrable(UUID actorId, UUID targetId, String action) {
        var actor = storedRoles.require(actorId, SystemRole.ADMIN, SystemRole.SUPER_USER);
        if (actorId.equals(targetId)) {
            throw new DomainException.Conflict("own-account", "You cannot " + action + " your own account.");
        }
        var target = target(targetId);
        var privileged = target.hasRole(SystemRole.ADMIN) || target.hasRole(SystemRole.SUPER_USER);
        if (privileged && !actor.hasRole(SystemRole.SUPER_USER)) {
            throw new DomainException.Forbidden("Only a super user may " + action + " an administrator.");
        }
        return target;
    }

    private Account target(UUID targetId) {
        return accounts.findById(targetId).orElseThrow(() -> new DomainException.NotFound("No such user."));
    }

    private static Set<SystemRole> parse(List<String> requested) {
        var known = Arrays.stream(SystemRole.values()).map(Enum::name).collect(Collectors.toSet());
        var unknown = requested.stream().filter(role -> !known.contains(role)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new DomainException.Invalid("validation", "Unknown role(s): " + String.join(", ", unknown) + ".",
                    List.of(new FieldError("roles", "must contain only " + known.stream().sorted().toList())));
        }
        var roles = EnumSet.noneOf(SystemRole.class);
        requested.forEach(role -> roles.add(SystemRole.valueOf(role)));
        return roles;
    }
}
