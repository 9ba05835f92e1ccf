package dev.kitty.user.events;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kitty.events.GoldenSamples;
import java.util.UUID;
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

    @TestFactory
    Stream<DynamicTest> everyEventTypeRefusesToDecodeWithoutTheFieldsAsyncApiRequires() {
        return GoldenSamples.requiresWhatAsyncApiRequires(UserEvents.CATALOG);
    }

    @Test
    void consumersFindTheCatalogOnTheClassPath() {
        GoldenSamples.assertFoundOnTheClassPath(UserEvents.CATALOG);
    }

    @Test
    void versionsStartAtOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProfileUpdated(UUID.randomUUID(), "ada@example.com", "Ada", 0));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new NotificationSettingsChanged(UUID.randomUUID(), "en", "UTC", true, true, true, true, 0));
    }

    @Test
    void recordsDependOnNothingButTheJdkAndTheEventCore() {
        PlainContracts.check(UserEvents.class);
    }
}
