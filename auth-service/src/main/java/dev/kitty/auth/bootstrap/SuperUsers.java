package dev.kitty.auth.bootstrap;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.SystemRole;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SuperUsers extends Repository<Account, UUID> {

    @Query("select count(a) > 0 from Account a where :role member of a.roles")
    boolean anyWithRole(SystemRole role);

    default boolean anyExists() {
        return anyWithRole(SystemRole.SUPER_USER);
    }
}
