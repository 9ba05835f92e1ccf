package dev.kitty.transaction.membership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.transaction.RunningTransactionService;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** BudgetCreated's time zone, kept for the month close: a zone this service does not know is kept as null (UTC). */
class BudgetTimeZoneIT extends RunningTransactionService {

    @Autowired
    MembershipReplica replica;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "null", value = {
        "Pacific/Auckland, Pacific/Auckland",
        "America/Los_Angeles, America/Los_Angeles",
        "UTC, UTC",
        "Mars/Olympus_Mons, null",
        "'', null",
        "'../../etc/passwd', null",
        // offsets are not regions: PostgreSQL reads POSIX offsets with the opposite sign
        "UTC+01:00, null",
        "+05:00, null"})
    void keepsAKnownZoneAndNullForAnUnknownOne(String told, @Nullable String stored) {
        var budget = UUID.randomUUID();

        replica.budgetCreated(budget, UUID.randomUUID(), "EUR", told, Instant.now());

        assertThat(jdbc.sql("SELECT time_zone FROM budget_ref WHERE budget_id = :b").param("b", budget).query(String.class).optional().orElse(null))
                .isEqualTo(stored);
    }
}
