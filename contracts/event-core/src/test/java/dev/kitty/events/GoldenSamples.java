package dev.kitty.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a contracts module's golden samples: for every event type of a catalog, the
 * CloudEvents envelope in {@code golden/<type>.json} names that type, its {@code data}
 * reads into the payload record and writes back to the same JSON, and its subject is the
 * aggregate id the type keys by. A change to a record that breaks what consumers already
 * read fails here first.
 */
public final class GoldenSamples {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GoldenSamples() {
    }

    public static Stream<DynamicTest> roundTrips(EventCatalog catalog) {
        return catalog.types().stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> roundTrip(type)));
    }

    /**
     * Checks every event type of the catalog against the repository's AsyncAPI document: the
     * channel whose address is the type's topic carries a message of that name, whose payload schema
     * is strict ({@code data} lists exactly the record's fields and allows no other), and the golden
     * sample and the document's own examples validate against that schema. A field renamed, added or
     * dropped on one side only fails here.
     */
    public static Stream<DynamicTest> documentedInAsyncApi(EventCatalog catalog) {
        var document = AsyncApiDocument.load();
        return catalog.types().stream().map(type -> DynamicTest.dynamicTest(type.name() + " matches its AsyncAPI schema", () -> {
            var message = document.message(type);
            AsyncApiDocument.assertStrict(message, type);
            var schema = message.path("payload");
            assertThat(AsyncApiDocument.violations(schema, read(golden(type))))
                    .as("golden sample of %s against its AsyncAPI payload schema", type.name()).isEmpty();
            for (var example : message.path("examples")) {
                assertThat(AsyncApiDocument.violations(schema, example.path("payload")))
                        .as("AsyncAPI example of %s against its payload schema", type.name()).isEmpty();
            }
        }));
    }

    private static <T extends Record> void roundTrip(EventType<T> type) {
        var envelope = read(golden(type));
        assertThat(envelope.path("specversion").asString()).isEqualTo("1.0");
        assertThat(envelope.path("type").asString()).isEqualTo(type.name());
        assertThat(envelope.path("id").asString()).isNotBlank();
        assertThat(envelope.path("source").asString()).startsWith("/kitty/");
        var data = envelope.get("data");
        assertThat(data).as("data of %s", type.name()).isNotNull();

        T payload = JSON.treeToValue(data, type.payload());
        assertThat(JSON.<JsonNode>valueToTree(payload)).as("%s written back", type.name()).isEqualTo(data);
        assertThat(type.keyFor(payload)).isEqualTo(envelope.path("subject").asString());
    }

    private static String golden(EventType<?> type) {
        return "golden/" + type.name() + ".json";
    }

    private static JsonNode read(String resource) {
        try (var in = GoldenSamples.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("golden sample %s on the class path", resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
