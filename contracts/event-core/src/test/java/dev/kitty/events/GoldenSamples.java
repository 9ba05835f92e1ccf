package dev.kitty.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
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

    /** JSON has one kind of number: a golden {@code 2} read as an int equals a long 2 written back. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (left, right) -> left.isNumber() && right.isNumber()
            ? left.decimalValue().compareTo(right.decimalValue())
            : left.equals(right) ? 0 : 1;

    private GoldenSamples() {
    }

    public static Stream<DynamicTest> roundTrips(EventCatalog catalog) {
        return catalog.types().stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> roundTrip(type)));
    }

    /** Checks that consumers find the catalog: its module lists the class holding it in {@value EventCatalog#LISTING}. */
    public static void assertFoundOnTheClassPath(EventCatalog catalog) {
        assertThat(EventCatalog.onClassPath(GoldenSamples.class.getClassLoader())).as("catalogs listed in %s", EventCatalog.LISTING)
                .contains(catalog);
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

    /**
     * Checks that the record refuses what the AsyncAPI document calls required: the golden
     * sample's data without a required field fails to decode (so the consumer dead-letters
     * such an event), and without an optional one still decodes.
     */
    public static Stream<DynamicTest> requiresWhatAsyncApiRequires(EventCatalog catalog) {
        var document = AsyncApiDocument.load();
        return catalog.types().stream().map(type -> DynamicTest.dynamicTest(type.name() + " requires its documented fields",
                () -> requiresAsDocumented(type, documentedRequiredFields(document, type))));
    }

    private static <T extends Record> void requiresAsDocumented(EventType<T> type, List<String> required) {
        var data = (ObjectNode) read(golden(type)).get("data");
        assertThat(data.propertyNames()).as("fields of the golden %s", type.name()).containsAll(required);
        for (var field : data.propertyNames()) {
            var without = data.deepCopy();
            without.remove(field);
            if (required.contains(field)) {
                assertThatThrownBy(() -> JSON.treeToValue(without, type.payload())).as("%s without %s", type.name(), field)
                        .isInstanceOf(JacksonException.class);
            } else {
                assertThatCode(() -> JSON.treeToValue(without, type.payload())).as("%s without optional %s", type.name(), field)
                        .doesNotThrowAnyException();
            }
        }
    }

    private static List<String> documentedRequiredFields(AsyncApiDocument document, EventType<?> type) {
        var required = document.message(type).path("payload").path("properties").path("data").path("required");
        assertThat(required.isArray()).as("required fields of %s's data in AsyncAPI", type.name()).isTrue();
        return required.valueStream().map(JsonNode::asString).toList();
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
        JsonNode written = JSON.valueToTree(payload);
        assertThat(written.equals(NUMBERS_BY_VALUE, data)).as("%s written back: %s, golden: %s", type.name(), written, data).isTrue();
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
