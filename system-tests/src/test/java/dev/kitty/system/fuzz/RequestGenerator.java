package dev.kitty.system.fuzz;

import dev.kitty.system.fuzz.ApiDocument.Operation;
import dev.kitty.system.fuzz.ApiDocument.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns an operation of an OpenAPI document into one concrete request, driven by a seeded {@link Random} so that a
 * seed replays the same requests. Path parameters are the caller's real ids, a stranger's real ids, random UUIDs or
 * garbage; query parameters and JSON bodies follow the schema, and about half of them are then mutated: a required
 * field dropped, a null, the wrong JSON type, a huge, unicode or control-character string, a huge or negative
 * number, an extra field, a body that is not JSON, the wrong content type, an empty body.
 */
final class RequestGenerator {

    enum Caller { OWNER, MEMBER, ANONYMOUS, GARBAGE_BEARER, GARBAGE_BASIC }

    record FuzzRequest(Operation operation, Caller caller, String method, String target, Map<String, String> headers,
            @Nullable String body, String mutation) {

        String describe() {
            String shown = body == null ? "" : " body(" + body.length() + ")=" + head(body, 300);
            return operation.label() + " as " + caller + " [" + mutation + "]: " + method + " " + head(target, 300) + shown;
        }
    }


    private static final List<String> ACCEPTS = List.of("text/html", "application/xml", "image/png", "text/csv", "*/*;q=0",
            "application/json;q=abc", "garbage", "", "application/problem+json");

    private static final Set<String> THROTTLED_PATHS = Set.of("/api/auth/login", "/api/auth/register", "/api/auth/password/forgot",
            "/api/auth/password/reset", "/api/auth/password/change", "/api/auth/verify-email", "/api/auth/refresh",
            "/api/users/me", "/api/auth/mfa/totp", "/api/auth/mfa/totp/confirm");

    private final Random random;
    private final FuzzWorld world;
    private final SchemaValues values;

    RequestGenerator(long seed, FuzzWorld world) {
        this.random = new Random(seed);
        this.world = world;
        this.values = new SchemaValues(random, world);
    }

    /**
     * Operations that guess passwords or codes, register accounts, or would end the run's own fixtures: the auth
     * service counts them against the client address the other test classes share, so the run sends only a few.
     */
    static boolean throttled(Operation operation) {
        return THROTTLED_PATHS.contains(operation.path()) && !operation.method().equals("GET")
                && !operation.label().equals("PATCH /api/users/me");
    }

    FuzzRequest next(Operation operation, boolean garbageBasicAllowed) {
        Caller caller = caller(garbageBasicAllowed);
        var mutations = new ArrayList<String>();
        var headers = new LinkedHashMap<String, String>();
        switch (caller) {
            case OWNER -> headers.put("Authorization", "Bearer " + world.ownerToken);
            case MEMBER -> headers.put("Authorization", "Bearer " + world.memberToken);
            case ANONYMOUS -> { }
            case GARBAGE_BEARER -> headers.put("Authorization", pick(List.of("Bearer ", "Bearer x", "Bearer a.b.c",
                    "Bearer " + world.ownerToken.substring(0, world.ownerToken.length() - 3) + "abc",
                    "Bearer " + values.randomAscii(2000), "bearer  " + world.ownerToken, "Token " + world.ownerToken, "Bearer e30.e30.")));
            case GARBAGE_BASIC -> headers.put("Authorization", "Basic " + pick(List.of("", "!!!",
                    Base64.getEncoder().encodeToString(("nobody-" + UUID.randomUUID() + "@example.com:wrong").getBytes(StandardCharsets.UTF_8)),
                    Base64.getEncoder().encodeToString("no colon".getBytes(StandardCharsets.UTF_8)))));
        }
        String path = operation.path();
        var query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            switch (parameter.in()) {
                case "path" -> path = path.replace("{" + parameter.name() + "}", encode(pathValue(operation.path(), parameter, mutations)));
                case "query" -> query(parameter, query, mutations);
                case "header" -> {
                    if (parameter.required() || random.nextBoolean()) {
                        headers.put(parameter.name(), headerValue(parameter));
                    }
                }
                default -> { }
            }
        }
        if (random.nextInt(20) == 0) {
            query.append(query.isEmpty() ? "" : "&").append(encode(pick(SchemaValues.NASTY_STRINGS) + "x")).append('=').append(encode(pick(SchemaValues.NASTY_STRINGS)));
            mutations.add("extra query");
        }
        if (random.nextInt(25) == 0) {
            headers.put("If-Match", pick(List.of("*", "\"0\"", "W/\"1\"", "garbage", "\"\"", "\"" + values.randomAscii(300) + "\"")));
            mutations.add("If-Match");
        }
        if (random.nextInt(30) == 0) {
            headers.put("Accept", pick(ACCEPTS));
            mutations.add("Accept");
        }
        String body = null;
        if (operation.bodySchema() != null || operation.path().endsWith("/import") || random.nextInt(10) == 0) {
            body = body(operation, headers, mutations);
        }
        String target = query.isEmpty() ? path : path + "?" + query;
        return new FuzzRequest(operation, caller, operation.method(), target, headers, body,
                mutations.isEmpty() ? "valid" : String.join(", ", mutations));
    }

    private Caller caller(boolean garbageBasicAllowed) {
        int roll = random.nextInt(100);
        if (roll < 68) {
            return Caller.OWNER;
        }
        if (roll < 80) {
            return Caller.MEMBER;
        }
        if (roll < 88) {
            return Caller.ANONYMOUS;
        }
        if (roll < 97 || !garbageBasicAllowed) {
            return Caller.GARBAGE_BEARER;
        }
        return Caller.GARBAGE_BASIC;
    }

    private String pathValue(String template, Parameter parameter, List<String> mutations) {
        String kind = kindOf(template, parameter.name());
        int roll = random.nextInt(100);
        if (kind.equals("month")) {
            if (roll < 70) {
                return YearMonth.now().minusMonths(random.nextInt(30) - 3).toString();
            }
            mutations.add("garbage month");
            return pick(List.of("2026-13", "0000-01", "9999-12", "-2026-01", "2026-1", "26-01", "2026-01-01", "garbage", "%00"))
                    .replace("%00", "\u0000");
        }
        if (roll < 55 && world.own.containsKey(kind) && !destructiveOnOwnFixture(template)) {
            return pick(world.own.get(kind));
        }
        if (roll < 70 && world.strangers.containsKey(kind)) {
            mutations.add("stranger's " + kind);
            return pick(world.strangers.get(kind));
        }
        if (roll < 85) {
            mutations.add("random id");
            return UUID.randomUUID().toString();
        }
        mutations.add("garbage id");
        return pick(SchemaValues.NASTY_STRINGS) + (random.nextBoolean() ? "" : values.randomUnicode(random.nextInt(40)));
    }

    /** Deleting or giving away the owner's budget would leave the rest of the run knocking on a 404. */
    private static boolean destructiveOnOwnFixture(String template) {
        return template.matches("/api/budgets/\\{[^}/]+}") || template.endsWith("/ownership");
    }

    /** The kind of id a path parameter holds: the segment before it, e.g. {@code goals/{goalId}} → goal. */
    static String kindOf(String template, String name) {
        String[] segments = template.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + name + "}")) {
                return switch (segments[i - 1]) {
                    case "budgets" -> "budget";
                    case "transactions" -> "transaction";
                    case "categories" -> "category";
                    case "goals" -> "goal";
                    case "recurring" -> "recurring";
                    case "members", "users", "admin" -> "user";
                    case "invitations" -> "invitation";
                    case "tokens" -> "token";
                    case "months" -> "month";
                    default -> segments[i - 1];
                };
            }
        }
        return name;
    }

    private void query(Parameter parameter, StringBuilder query, List<String> mutations) {
        JsonNode schema = parameter.schema();
        if (ApiDocument.type(schema).equals("object") && schema.has("properties")) {
            // a Spring Pageable or filter object springdoc left unexploded: its fields are the query parameters
            for (var property : schema.path("properties").properties()) {
                query(new Parameter(property.getKey(), "query", parameter.schema(), false), query, mutations, property.getValue());
            }
            return;
        }
        if (!parameter.required() && random.nextInt(100) < 45) {
            return;
        }
        query(parameter, query, mutations, schema);
    }

    private void query(Parameter parameter, StringBuilder query, List<String> mutations, JsonNode schema) {
        String value;
        if (random.nextInt(100) < 65) {
            JsonNode valid = values.valid(parameter.name(), schema, 0);
            value = valid.isString() ? valid.asString() : valid.toString();
        }
        else {
            mutations.add("query " + parameter.name());
            value = random.nextBoolean() ? pick(SchemaValues.NASTY_STRINGS) : pick(SchemaValues.NASTY_NUMBERS);
        }
        if (ApiDocument.type(schema).equals("array") && value.startsWith("[")) {
            value = value.replaceAll("[\\[\\]\"]", "");
        }
        query.append(query.isEmpty() ? "" : "&").append(encode(parameter.name())).append('=').append(encode(value));
    }

    private String headerValue(Parameter parameter) {
        return switch (random.nextInt(4)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> values.randomAscii(1 + random.nextInt(300));
            case 2 -> pick(List.of("", " ", "*", "\"0\"", "null"));
            default -> "fuzz-" + random.nextInt(1000);
        };
    }

    private @Nullable String body(Operation operation, Map<String, String> headers, List<String> mutations) {
        String type = operation.bodyType() == null ? "application/json" : operation.bodyType();
        if (type.contains("csv") || operation.path().endsWith("/import")) {
            headers.put("Content-Type", random.nextInt(5) == 0 ? pick(SchemaValues.WRONG_CONTENT_TYPES) : "text/csv");
            return values.csv(mutations);
        }
        int roll = random.nextInt(100);
        if (roll < 6) {
            mutations.add("no body");
            return null;
        }
        if (roll < 14) {
            mutations.add("not JSON");
            headers.put("Content-Type", "application/json");
            return pick(SchemaValues.NON_JSON_BODIES);
        }
        if (roll < 20) {
            mutations.add("wrong content type");
            headers.put("Content-Type", pick(SchemaValues.WRONG_CONTENT_TYPES));
        }
        else if (roll < 22) {
            mutations.add("no content type");
        }
        else {
            headers.put("Content-Type", type);
        }
        JsonNode schema = operation.bodySchema() == null ? JsonNodeFactory.instance.objectNode() : operation.document().resolve(operation.bodySchema());
        JsonNode body = values.valid("", schema, 0, operation.document());
        if (random.nextInt(100) < 50) {
            body = values.mutate(body, schema, operation.document(), mutations);
        }
        return body.toString();
    }


    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, so that any string makes a valid URI. */
    static String encode(String value) {
        var encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append((char) c);
            }
            else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    static String head(String text, int length) {
        String flat = text.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() <= length ? flat : flat.substring(0, length) + "…(" + flat.length() + ")";
    }
}
