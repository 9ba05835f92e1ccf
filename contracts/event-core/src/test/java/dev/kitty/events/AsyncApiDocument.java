package dev.kitty.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository's AsyncAPI document (docs/asyncapi.yaml, found from the module directory Maven
 * runs tests in), read as data: which message a channel carries and the JSON Schema of its payload.
 * The payload schemas are JSON Schema draft 7, the dialect AsyncAPI's own schema format builds on.
 */
final class AsyncApiDocument {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final String MESSAGE_REF = "#/components/messages/";

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        var moduleDirectory = Path.of("").toAbsolutePath();
        for (var directory = moduleDirectory; directory != null; directory = directory.getParent()) {
            var candidate = directory.resolve("docs/asyncapi.yaml");
            if (Files.isRegularFile(candidate)) {
                return new AsyncApiDocument(YAMLMapper.builder().build().readTree(candidate.toFile()));
            }
        }
        throw new AssertionError("docs/asyncapi.yaml not found above " + moduleDirectory);
    }

    /** The message named {@code type.name()} among those of the channel whose address is {@code type.topic()}. */
    JsonNode message(EventType<?> type) {
        var channel = channel(type.topic())
                .orElseThrow(() -> new AssertionError("no channel with address " + type.topic()));
        var messages = new ArrayList<JsonNode>();
        for (var reference : channel.path("messages")) {
            messages.add(resolve(reference));
        }
        return messages.stream()
                .filter(message -> type.name().equals(message.path("name").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("channel " + type.topic() + " carries no message named " + type.name()));
    }

    /**
     * Checks that a message's payload schema pins the type name and is strict about {@code data}:
     * it lists exactly the record's components, requires at least one, and allows nothing else, so a
     * renamed or missing field cannot pass unnoticed.
     */
    static void assertStrict(JsonNode message, EventType<?> type) {
        var payload = message.path("payload");
        assertThat(payload.path("properties").path("type").path("const").asString()).as("const type of %s", type.name())
                .isEqualTo(type.name());
        var data = payload.path("properties").path("data");
        assertThat(data.path("additionalProperties").isBoolean() && !data.path("additionalProperties").booleanValue())
                .as("%s: data has additionalProperties: false", type.name()).isTrue();
        var components = Arrays.stream(type.payload().getRecordComponents()).map(component -> component.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(data.path("properties").propertyNames())).as("%s: data properties = fields of %s", type.name(),
                type.payload().getSimpleName()).isEqualTo(components);
        var required = new TreeSet<String>();
        data.path("required").forEach(name -> required.add(name.asString()));
        assertThat(required).as("%s: data.required", type.name()).isNotEmpty().isSubsetOf(components);
    }

    /** Violations of {@code schema} by {@code instance}, each with its location; empty when it is valid. */
    static List<String> violations(JsonNode schema, JsonNode instance) {
        return SCHEMAS.getSchema(schema).validate(instance).stream().map(Object::toString).toList();
    }

    private Optional<JsonNode> channel(String address) {
        for (var channel : root.path("channels")) {
            if (address.equals(channel.path("address").asString())) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    private JsonNode resolve(JsonNode reference) {
        var ref = reference.path("$ref").asString();
        if (ref.isEmpty()) {
            return reference;
        }
        assertThat(ref).as("message reference").startsWith(MESSAGE_REF);
        var message = root.path("components").path("messages").path(ref.substring(MESSAGE_REF.length()));
        assertThat(message.isMissingNode()).as("%s resolves", ref).isFalse();
        return message;
    }
}
