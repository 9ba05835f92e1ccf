package dev.kitty.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.account.AccountStatus;
import dev.kitty.auth.account.StoredRoles;
import dev.kitty.auth.account.SystemRole;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.DomainException.Conflict;
import dev.kitty.platform.web.DomainException.Forbidden;
import dev.kitty.platform.web.DomainException.Invalid;
import dev.kitty.platform.web.DomainException.NotFound;
import dev.kitty.platform.web.FieldError;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.domain.Pageable;

/** The rules behind the admin endpoints, with the caller's stored standing as the deciding input. */
class UserAdministrationTests {

    private final Accounts accounts = mock(Accounts.class);
    private final AdministeredAccounts administered = mock(AdministeredAccounts.class);
    private final UserAdministration administration = new UserAdministration(new StoredRoles(accounts), accounts, administered, java.time.Clock.systemUTC());

    private final Account superUser = account("su@example.com", SystemRole.SUPER_USER);
    private final Account otherSuperUser = account("su2@example.com", SystemRole.SUPER_USER);
    private final Account admin = account("admin@example.com", SystemRole.ADMIN);
    private final Account otherAdmin = account("admin2@example.com", SystemRole.ADMIN);
    private final Account user = account("user@example.com");

    @BeforeEach
    void storeAccounts() {
        for (var account : List.of(superUser, otherSuperUser, admin, otherAdmin, user)) {
            when(accounts.findById(account.id())).thenReturn(Optional.of(account));
        }
        when(accounts.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void locksAPlainUserAndRevokesWhatCouldMintTokens() {
        administration.lock(admin.id(), user.id());

        assertThat(user.status()).isEqualTo(AccountStatus.LOCKED);
        assertThat(user.canSignIn()).isFalse();
        verify(accounts).save(user); // publishes the AccountLocked the account recorded
    }

    @Test
    void unlocksALockedUser() {
        user.lock(java.time.Instant.EPOCH);

        administration.unlock(admin.id(), user.id());

        assertThat(user.canSignIn()).isTrue();
    }

    @Test
    void letsASuperUserLockAnAdministrator() {
        administration.lock(superUser.id(), admin.id());

        assertThat(admin.canSignIn()).isFalse();
    }

    /** @param arrange changes the stored state before the call; {@code act} must then change nothing */
    record Case(String rule, Consumer<UserAdministrationTests> arrange, Consumer<UserAdministrationTests> act,
            Class<? extends DomainException> thrown) {

        Case(String rule, Consumer<UserAdministrationTests> act,
            Class<? extends DomainException> thrown) {
            this(rule, test -> { }, act, thrown);
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Arguments> refusals() {
        var unknown = UUID.randomUUID();
        return Stream.of(
                new Case("API5:2023 an ADMIN locks an ADMIN → 403", t -> t.administration.lock(t.admin.id(), t.otherAdmin.id()), Forbidden.class),
                new Case("API5:2023 an ADMIN locks a SUPER_USER → 403", t -> t.administration.lock(t.admin.id(), t.superUser.id()), Forbidden.class),
                new Case("API5:2023 an ADMIN unlocks an ADMIN → 403", t -> t.administration.unlock(t.admin.id(), t.otherAdmin.id()), Forbidden.class),
                new Case("API5:2023 an ADMIN grants roles → 403",
                        t -> t.administration.changeRoles(t.admin.id(), t.user.id(), List.of("ADMIN")), Forbidden.class),
                new Case("API5:2023 an ADMIN grants themselves SUPER_USER → 403",
                        t -> t.administration.changeRoles(t.admin.id(), t.admin.id(), List.of("USER", "ADMIN", "SUPER_USER")), Forbidden.class),
                new Case("API5:2023 a USER lists users → 403", t -> t.administration.list(t.user.id(), Pageable.unpaged()), Forbidden.class),
                new Case("API5:2023 a USER locks an ADMIN → 403", t -> t.administration.lock(t.user.id(), t.admin.id()), Forbidden.class),
                new Case("API5:2023 a USER grants themselves ADMIN → 403",
                        t -> t.administration.changeRoles(t.user.id(), t.user.id(), List.of("ADMIN")), Forbidden.class),
                new Case("ASVS V8.3.2 the token says ADMIN, the store no longer does → 403",
                        t -> t.admin.changeRoles(EnumSet.noneOf(SystemRole.class)),
                        t -> t.administration.lock(t.admin.id(), t.user.id()), Forbidden.class),
                new Case("ASVS V7.4.2 a locked SUPER_USER acts → 403", t -> t.superUser.lock(java.time.Instant.EPOCH),
                        t -> t.administration.lock(t.superUser.id(), t.user.id()), Forbidden.class),
                new Case("ASVS V8.3.2 a deleted caller acts → 403", t -> t.administration.lock(unknown, t.user.id()), Forbidden.class),
                new Case("nobody locks themselves → 409", t -> t.administration.lock(t.superUser.id(), t.superUser.id()), Conflict.class),
                new Case("nobody unlocks themselves → 409", t -> t.administration.unlock(t.admin.id(), t.admin.id()), Conflict.class),
                new Case("unknown user → 404", t -> t.administration.lock(t.admin.id(), unknown), NotFound.class),
                new Case("unknown user's roles → 404", t -> t.administration.changeRoles(t.superUser.id(), unknown, List.of("USER")), NotFound.class),
                new Case("API3:2023 an unknown role → 400",
                        t -> t.administration.changeRoles(t.superUser.id(), t.user.id(), List.of("USER", "ROOT")), Invalid.class),
                new Case("a role in the wrong case → 400",
                        t -> t.administration.changeRoles(t.superUser.id(), t.user.id(), List.of("admin")), Invalid.class),
                new Case("the last SUPER_USER demotes themselves → 409",
                        t -> t.administration.changeRoles(t.superUser.id(), t.superUser.id(), List.of("USER", "ADMIN")), Conflict.class))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesAndChangesNothing(Case refusal) {
        refusal.arrange().accept(this);
        var before = standing();

        assertThatExceptionOfType(refusal.thrown()).isThrownBy(() -> refusal.act().accept(this));

        assertThat(standing()).isEqualTo(before);
        verify(accounts, never()).save(any());
        verify(accounts, never()).saveAndFlush(any());
    }

    private List<String> standing() {
        return Stream.of(superUser, otherSuperUser, admin, otherAdmin, user).map(a -> a.status() + " " + a.roles()).toList();
    }

    @Test
    void alwaysKeepsTheUserRole() {
        var changed = administration.changeRoles(superUser.id(), user.id(), List.of("ADMIN"));

        assertThat(changed.roles()).containsExactlyInAnyOrder(SystemRole.USER, SystemRole.ADMIN);
    }

    @Test
    void letsASuperUserStepDownWhileAnotherOneRemains() {
        when(administered.countActiveSuperUsersOtherThan(superUser.id())).thenReturn(1L);

        var changed = administration.changeRoles(superUser.id(), superUser.id(), List.of());

        assertThat(changed.roles()).containsExactly(SystemRole.USER);
        verify(administered).lockActiveSuperUsers();
    }

    @Test
    void letsASuperUserDemoteAnotherSuperUser() {
        when(administered.countActiveSuperUsersOtherThan(otherSuperUser.id())).thenReturn(1L);

        administration.changeRoles(superUser.id(), otherSuperUser.id(), List.of("USER"));

        assertThat(otherSuperUser.roles()).containsExactly(SystemRole.USER);
    }

    @Test
    void namesTheUnknownRolesInTheProblem() {
        assertThatExceptionOfType(Invalid.class)
                .isThrownBy(() -> administration.changeRoles(superUser.id(), user.id(), List.of("ROOT", "GOD")))
                .satisfies(problem -> {
                    assertThat(problem.detail()).contains("ROOT", "GOD");
                    assertThat(problem.slug()).isEqualTo("validation");
                    assertThat(problem.errors()).extracting(FieldError::field).containsExactly("roles");
                });
    }

    private static Account account(String email, SystemRole... roles) {
        var account = Account.register(email, "{argon2}hash", "Test User", Instant.now());
        account.changeRoles(roles.length == 0 ? EnumSet.noneOf(SystemRole.class) : EnumSet.of(roles[0], roles));
        return account;
    }
}
