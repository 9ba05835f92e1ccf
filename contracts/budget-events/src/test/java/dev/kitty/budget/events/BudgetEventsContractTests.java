package dev.kitty.budget.events;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kitty.events.GoldenSamples;
import java.time.Instant;
import java.util.UUID;
import dev.kitty.events.PlainContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BudgetEventsContractTests {

    @TestFactory
    Stream<DynamicTest> everyEventTypeHasAGoldenSampleThatRoundTrips() {
        return GoldenSamples.roundTrips(BudgetEvents.CATALOG);
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeIsDocumentedInTheAsyncApiDocument() {
        return GoldenSamples.documentedInAsyncApi(BudgetEvents.CATALOG);
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeRefusesToDecodeWithoutTheFieldsAsyncApiRequires() {
        return GoldenSamples.requiresWhatAsyncApiRequires(BudgetEvents.CATALOG);
    }

    @Test
    void consumersFindTheCatalogOnTheClassPath() {
        GoldenSamples.assertFoundOnTheClassPath(BudgetEvents.CATALOG);
    }

    @Test
    void membershipVersionsStartAtOne() {
        var budget = UUID.randomUUID();
        var user = UUID.randomUUID();

        assertThatIllegalArgumentException().isThrownBy(() -> new MemberAdded(budget, "Household", user, "MEMBER", null, Instant.now(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new MemberRoleChanged(budget, "Household", user, "ADMIN", null, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new MemberRemoved(budget, "Household", user, MemberRemoved.REASON_REMOVED, null, 0));
    }

    @Test
    void recordsDependOnNothingButTheJdkAndTheEventCore() {
        PlainContracts.check(BudgetEvents.class);
    }
}
