package dev.kitty.system.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One service's OpenAPI 3.x document as springdoc serves it, read with Jackson's tree model: its operations, their
 * parameters and request bodies, with {@code $ref}s resolved against {@code components/schemas}. Only what the
 * generator needs is read; anything it does not understand becomes an empty schema (any value).
 */
final class ApiDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final String service;
    private final JsonNode document;

    ApiDocument(String service, JsonNode document) {
        this.service = service;
        this.document = document;
    }

    record Parameter(String name, String in, JsonNode schema, boolean required) {}

    record Operation(String service, String method, String path, List<Parameter> parameters,
            @Nullable JsonNode bodySchema, @Nullable String bodyType, boolean bodyRequired, ApiDocument document) {

        String label() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return service + ": " + label();
        }
    }

    List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            JsonNode shared = path.getValue().path("parameters");
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                var parameters = new ArrayList<Parameter>();
                for (JsonNode list : List.of(shared, operation.path("parameters"))) {
                    for (JsonNode parameter : list) {
                        JsonNode resolved = resolve(parameter);
                        parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
                                resolve(resolved.path("schema")), resolved.path("required").asBoolean(false)));
                    }
                }
                JsonNode body = resolve(operation.path("requestBody"));
                JsonNode bodySchema = null;
                String bodyType = null;
                Iterator<Map.Entry<String, JsonNode>> contents = body.path("content").properties().iterator();
                if (contents.hasNext()) {
                    var content = contents.next();
                    bodyType = content.getKey();
                    bodySchema = resolve(content.getValue().path("schema"));
                }
                operations.add(new Operation(service, method.toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters),
                        bodySchema, bodyType, body.path("required").asBoolean(false), this));
            }
        }
        return operations;
    }

    /** The schema behind a {@code $ref} (and the first alternative of an {@code allOf}/{@code oneOf}/{@code anyOf}). */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20; hops++) {
            if (current.has("$ref")) {
                current = pointer(current.path("$ref").asString());
            }
            else if (!current.has("type") && !current.has("properties")) {
                JsonNode alternative = firstOf(current, "allOf", "oneOf", "anyOf");
                if (alternative == null) {
                    return current;
                }
                current = alternative;
            }
            else {
                return current;
            }
        }
        return current;
    }

    private @Nullable JsonNode firstOf(JsonNode node, String... keys) {
        for (String key : keys) {
            if (node.path(key).isArray() && !node.path(key).isEmpty()) {
                return node.path(key).get(0);
            }
        }
        return null;
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode found = document.at(ref.substring(1));
        return found.isMissingNode() ? JsonNodeFactory.instance.objectNode() : found;
    }

    /** The schema's JSON type; OpenAPI 3.1 may list several ({@code ["string", "null"]}): the first that is not null. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
            return "null";
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "";
    }
}
