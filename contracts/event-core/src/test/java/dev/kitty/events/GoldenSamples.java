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
     * Checks that the repository's AsyncAPI document (docs/asyncapi.yaml, found from the
     * module directory Maven runs tests in) describes every event type of the catalog on its topic.
     */
    public static Stream<DynamicTest> documentedInAsyncApi(EventCatalog catalog) {
        var document = asyncApiDocument();
        return catalog.types().stream().map(type -> DynamicTest.dynamicTest(type.name() + " in AsyncAPI", () -> {
            assertThat(document).as("channel of %s", type.topic()).contains("address: " + type.topic() + "\n");
            assertThat(document).as("message %s", type.name()).contains("name: " + type.name() + "\n")
                    .contains("const: " + type.name() + "\n");
        }));
    }

    private static String asyncApiDocument() {
        var moduleDirectory = java.nio.file.Path.of("").toAbsolutePath();
        for (var directory = moduleDirectory; directory != null; directory = directory.getParent()) {
            var candidate = directory.resolve("docs/asyncapi.yaml");
            if (java.nio.file.Files.isRegularFile(candidate)) {
                try {
                    return java.nio.file.Files.readString(candidate);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("docs/asyncapi.yaml not found above " + moduleDirectory);
    }

    private static <T extends Record> void roundTrip(EventType<T> type) {
        var envelope = read("golden/" + type.name() + ".json");
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

    private static JsonNode read(String resource) {
        try (var in = GoldenSamples.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("golden sample %s on the class path", resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
