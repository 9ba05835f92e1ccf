package dev.kitty.auth.admin;

import dev.kitty.auth.account.Account;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Queries only administration needs, over the account feature's entity. */
interface AdministeredAccounts extends Repository<Account, UUID> {

    /**
     * Ids of the active super users, their rows locked in id order: two super users demoting
     * themselves at the same moment cannot both see the other one as "the one left".
     */
    @Query(value = """
            SELECT a.id FROM account a
            WHERE a.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'SUPER_USER')
            ORDER BY a.id
            FOR UPDATE OF a""", nativeQuery = true)
    List<UUID> lockActiveSuperUsers();

    /** Asked after {@link #lockActiveSuperUsers()}: a statement of its own sees what a transaction we waited for committed. */
    @Query(value = """
            SELECT count(*) FROM account a
            WHERE a.status = 'ACTIVE' AND a.id <> :excluded
              AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'SUPER_USER')""", nativeQuery = true)
    long countActiveSuperUsersOtherThan(UUID excluded);
}
