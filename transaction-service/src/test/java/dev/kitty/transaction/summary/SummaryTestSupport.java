package dev.kitty.transaction.summary;

import dev.kitty.transaction.RunningTransactionService;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's one shared test context ({@link RunningTransactionService}: the same one every IT uses, with the
 * stub budget-service the read-your-writes fallback asks), the ledger stand-in and authenticated GETs.
 */
abstract class SummaryTestSupport extends RunningTransactionService {

    LedgerStandIn ledger;

    @Autowired
    void ledger(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.ledger = new LedgerStandIn(jdbc, transactions, events);
    }

    MvcTestResult get(String uri, @Nullable UUID user, String... systemRoles) {
        var request = mvc.get().uri(uri);
        if (user != null) {
            request = request.header("Authorization", "Bearer " + tokens.accessToken(user, user + "@kitty.test",
                    systemRoles.length == 0 ? new String[] {"USER"} : systemRoles));
        }
        return request.exchange();
    }
}
