package dev.kitty.auth.deletion;

import dev.kitty.auth.account.Account;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The one query deletion approvals need over the account feature's entity. */
interface ActiveSuperUsers extends Repository<Account, UUID> {

    @Query(value = """
            SELECT count(*) FROM account a
            WHERE a.status = 'ACTIVE' AND a.id <> :excluded
              AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'SUPER_USER')""", nativeQuery = true)
    long countOtherThan(UUID excluded);
}
