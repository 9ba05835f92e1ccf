package dev.kitty.identity.events;

import dev.kitty.events.GoldenSamples;
import dev.kitty.events.PlainContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class IdentityEventsContractTests {

    @TestFactory
    Stream<DynamicTest> everyEventTypeHasAGoldenSampleThatRoundTrips() {
        return GoldenSamples.roundTrips(IdentityEvents.CATALOG);
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeIsDocumentedInTheAsyncApiDocument() {
        return GoldenSamples.documentedInAsyncApi(IdentityEvents.CATALOG);
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeRefusesToDecodeWithoutTheFieldsAsyncApiRequires() {
        return GoldenSamples.requiresWhatAsyncApiRequires(IdentityEvents.CATALOG);
    }

    @Test
    void consumersFindTheCatalogOnTheClassPath() {
        GoldenSamples.assertFoundOnTheClassPath(IdentityEvents.CATALOG);
    }

    @Test
    void recordsDependOnNothingButTheJdkAndTheEventCore() {
        PlainContracts.check(IdentityEvents.class);
    }
}
