package dev.kitty.transaction.ledger;

import dev.kitty.user.events.UserDeleted;
import org.springframework.context.ApplicationContext;

/** The ledger's cascade listeners, called straight (as the conventions say a listener's rule is tested) from other packages' tests. */
public final class LedgerListeners {

    private LedgerListeners() {
    }

    /** What the {@code UserDeleted} consumer does: the author links of the user's transactions are dropped. */
    public static void userDeleted(ApplicationContext context, UserDeleted event) {
        context.getBean(LedgerCascades.class).on(event);
    }
}
