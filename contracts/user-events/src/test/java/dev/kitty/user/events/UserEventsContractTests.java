package dev.kitty.user.events;

import dev.kitty.events.GoldenSamples;
import dev.kitty.events.PlainContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class UserEventsContractTests {

    @TestFactory
    Stream<DynamicTest> everyEventTypeHasAGoldenSampleThatRoundTrips() {
        return GoldenSamples.roundTrips(UserEvents.CATALOG);
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeIsDocumentedInTheAsyncApiDocument() {
        return GoldenSamples.documentedInAsyncApi(UserEvents.CATALOG);
    }

    @Test
    void recordsDependOnNothingButTheJdkAndTheEventCore() {
        PlainContracts.check(UserEvents.class);
    }
}
