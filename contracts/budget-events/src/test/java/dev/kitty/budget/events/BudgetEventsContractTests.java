package dev.kitty.budget.events;

import dev.kitty.events.GoldenSamples;
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
}
