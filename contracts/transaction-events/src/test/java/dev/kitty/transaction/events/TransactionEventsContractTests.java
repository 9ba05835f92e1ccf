package dev.kitty.transaction.events;

import dev.kitty.events.GoldenSamples;
import dev.kitty.events.PlainContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TransactionEventsContractTests {

    @TestFactory
    Stream<DynamicTest> everyEventTypeHasAGoldenSampleThatRoundTrips() {
        return GoldenSamples.roundTrips(TransactionEvents.CATALOG);
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeIsDocumentedInTheAsyncApiDocument() {
        return GoldenSamples.documentedInAsyncApi(TransactionEvents.CATALOG);
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeRefusesToDecodeWithoutTheFieldsAsyncApiRequires() {
        return GoldenSamples.requiresWhatAsyncApiRequires(TransactionEvents.CATALOG);
    }

    @Test
    void consumersFindTheCatalogOnTheClassPath() {
        GoldenSamples.assertFoundOnTheClassPath(TransactionEvents.CATALOG);
    }

    @Test
    void recordsDependOnNothingButTheJdkAndTheEventCore() {
        PlainContracts.check(TransactionEvents.class);
    }
}
