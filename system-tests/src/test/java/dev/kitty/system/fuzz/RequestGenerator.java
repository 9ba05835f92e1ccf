package dev.kitty.system.fuzz;

import dev.kitty.system.fuzz.ApiDocument.Operation;
import dev.kitty.system.fuzz.ApiDocument.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings a careless parser, database column or template chokes on. */
    private static final List<String> NASTY_STRINGS = List.of(
            "", " ", "\t\n", "\u0000", "a\u0000b", "\u0007\u001b[31m", "\u202Eevil\u202C", "\u200B\u200B", "\uFEFF",
            "😼😼😼", "Z\u0351\u0363\u0324a\u0336\u0331lgo", "ǅ", "\uD800", "null", "NULL", "undefined", "true", "0", "-1",
            "1e309", "NaN", "Infinity", "'; DROP TABLE account; --", "\" OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "{{7*7}}", "%s%s%n", "../../../etc/passwd", "..%2f..%2f", "\\", "/", "*", "%", "_", "2026-02-30", "2026-13-01", "9999-12-31",
            "0000-01-01", "-2026-01-01", "2026-1-1", "+10000-01-01", "12,50", "1.2.3", "0x10", "١٢٣", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "Europe/Nowhere", "UTC+99", "xx_YY", "EURO", "eur", "XXX", "ADMIN",
            "OWNER", "SUPER_USER");

    private static final List<String> NASTY_NUMBERS = List.of(
            "0", "-0", "-1", "-0.01", "0.001", "1e2", "1E400", "-1e400", "1e-400", "99999999999999999999999999999999",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649",
            "1.7976931348623157E309", "123456789012.345", "0.1234567890123456789", "1.0", "100.00");

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/csv",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/json; charset=ebcdic",
            "application/octet-stream", "application/problem+json", "application/json-patch+json", "*/*", ";;;", "application/");

    private static final List<String> NON_JSON_BODIES = List.of("", " ", "null", "[]", "{}", "[{}]", "{", "}", "{\"a\":",
            "\"just a string\"", "42", "true", "garbage", "\u0000\u0000", "<xml/>", "a=b&c=d", "{'single':'quotes'}",
            "{\"a\":1,\"a\":2}", "\uFEFF{}", "{\"x\":1} trailing");

    private static final List<String> ACCEPTS = List.of("text/html", "application/xml", "image/png", "text/csv", "*/*;q=0",
            "application/json;q=abc", "garbage", "", "application/problem+json");

    private static final Set<String> THROTTLED_PATHS = Set.of("/api/auth/login", "/api/auth/register", "/api/auth/password/forgot",
            "/api/auth/password/reset", "/api/auth/password/change", "/api/auth/verify-email", "/api/auth/refresh",
            "/api/users/me", "/api/auth/mfa/totp", "/api/auth/mfa/totp/confirm");

    private final Random random;
    private final FuzzWorld world;

    RequestGenerator(long seed, FuzzWorld world) {
        this.random = new Random(seed);
        this.world = world;
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
                    "Bearer " + randomAscii(2000), "bearer  " + world.ownerToken, "Token " + world.ownerToken, "Bearer e30.e30.")));
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
            query.append(query.isEmpty() ? "" : "&").append(encode(pick(NASTY_STRINGS) + "x")).append('=').append(encode(pick(NASTY_STRINGS)));
            mutations.add("extra query");
        }
        if (random.nextInt(25) == 0) {
            headers.put("If-Match", pick(List.of("*", "\"0\"", "W/\"1\"", "garbage", "\"\"", "\"" + randomAscii(300) + "\"")));
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
        return pick(NASTY_STRINGS) + (random.nextBoolean() ? "" : randomUnicode(random.nextInt(40)));
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
            JsonNode valid = valid(parameter.name(), schema, 0);
            value = valid.isString() ? valid.asString() : valid.toString();
        }
        else {
            mutations.add("query " + parameter.name());
            value = random.nextBoolean() ? pick(NASTY_STRINGS) : pick(NASTY_NUMBERS);
        }
        if (ApiDocument.type(schema).equals("array") && value.startsWith("[")) {
            value = value.replaceAll("[\\[\\]\"]", "");
        }
        query.append(query.isEmpty() ? "" : "&").append(encode(parameter.name())).append('=').append(encode(value));
    }

    private String headerValue(Parameter parameter) {
        return switch (random.nextInt(4)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> randomAscii(1 + random.nextInt(300));
            case 2 -> pick(List.of("", " ", "*", "\"0\"", "null"));
            default -> "fuzz-" + random.nextInt(1000);
        };
    }

    private @Nullable String body(Operation operation, Map<String, String> headers, List<String> mutations) {
        String type = operation.bodyType() == null ? "application/json" : operation.bodyType();
        if (type.contains("csv") || operation.path().endsWith("/import")) {
            headers.put("Content-Type", random.nextInt(5) == 0 ? pick(WRONG_CONTENT_TYPES) : "text/csv");
            return csv(mutations);
        }
        int roll = random.nextInt(100);
        if (roll < 6) {
            mutations.add("no body");
            return null;
        }
        if (roll < 14) {
            mutations.add("not JSON");
            headers.put("Content-Type", "application/json");
            return pick(NON_JSON_BODIES);
        }
        if (roll < 20) {
            mutations.add("wrong content type");
            headers.put("Content-Type", pick(WRONG_CONTENT_TYPES));
        }
        else if (roll < 22) {
            mutations.add("no content type");
        }
        else {
            headers.put("Content-Type", type);
        }
        JsonNode schema = operation.bodySchema() == null ? NODES.objectNode() : operation.document().resolve(operation.bodySchema());
        JsonNode body = valid("", schema, 0, operation.document());
        if (random.nextInt(100) < 50) {
            body = mutate(body, schema, operation.document(), mutations);
        }
        return body.toString();
    }

    private String csv(List<String> mutations) {
        var csv = new StringBuilder();
        if (random.nextInt(6) != 0) {
            csv.append(pick(List.of("type,amount,occurredOn,description,externalId", "type,amount,occurredOn", "amount,type",
                    "type,amount,occurredOn,category", "\uFEFFtype,amount,occurredOn", "type;amount;occurredOn", ""))).append('\n');
        }
        else {
            mutations.add("no header");
        }
        int rows = random.nextInt(8);
        for (int i = 0; i < rows; i++) {
            boolean nasty = random.nextInt(3) == 0;
            csv.append(nasty ? pick(List.of("EXPENSE", "INCOME", "", "TRANSFER", "\"unclosed")) : "EXPENSE").append(',')
                    .append(nasty ? pick(NASTY_NUMBERS) : "1" + random.nextInt(100) + ".25").append(',')
                    .append(nasty ? pick(NASTY_STRINGS).replace("\n", "") : LocalDate.now().minusDays(random.nextInt(60)).toString()).append(',')
                    .append(nasty ? "\"" + pick(NASTY_STRINGS) + "\"" : "row " + i).append(',')
                    .append("fuzz-" + random.nextInt(50)).append(random.nextBoolean() ? "\r\n" : "\n");
            if (nasty) {
                mutations.add("csv row");
            }
        }
        return csv.toString();
    }

    private JsonNode valid(String name, JsonNode schema, int depth) {
        return valid(name, schema, depth, null);
    }

    /** A value the schema allows, with names telling money, currencies, dates and ids apart. */
    private JsonNode valid(String name, JsonNode raw, int depth, @Nullable ApiDocument document) {
        JsonNode schema = document == null ? raw : document.resolve(raw);
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (ApiDocument.type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                var required = new ArrayList<String>();
                schema.path("required").forEach(field -> required.add(field.asString()));
                if (depth < 4) {
                    for (var property : schema.path("properties").properties()) {
                        if (required.contains(property.getKey()) || random.nextInt(100) < 60) {
                            object.set(property.getKey(), valid(property.getKey(), property.getValue(), depth + 1, document));
                        }
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size && depth < 4; i++) {
                    array.add(valid(name, schema.path("items"), depth + 1, document));
                }
                yield array;
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(Math.max(min, 0) + 100);
                yield NODES.numberNode(min + (long) (random.nextDouble() * (max - min + 1)));
            }
            case "number" -> NODES.numberNode(random.nextInt(100000) / 100.0);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.stringNode(validString(lower, schema));
        };
    }

    private String validString(String lower, JsonNode schema) {
        String format = schema.path("format").asString("");
        if (format.equals("uuid") || lower.endsWith("id")) {
            String kind = lower.equals("userid") || lower.equals("createdby") ? "user" : lower.replace("id", "");
            return world.own.containsKey(kind) && random.nextInt(4) != 0 ? pick(world.own.get(kind)) : UUID.randomUUID().toString();
        }
        if (format.equals("date") || lower.endsWith("on") || lower.endsWith("date") || lower.equals("from") || lower.equals("to")) {
            return LocalDate.now().plusDays(random.nextInt(800) - 400).toString();
        }
        if (format.equals("date-time")) {
            return java.time.Instant.now().toString();
        }
        if (format.equals("email") || lower.contains("email")) {
            return random.nextInt(3) == 0 ? world.member.email() : "fuzz-" + UUID.randomUUID() + "@system-tests.kitty.test";
        }
        if (lower.contains("amount") || lower.contains("limit")) {
            return (1 + random.nextInt(5000)) + (random.nextBoolean() ? "" : "." + (10 + random.nextInt(90)));
        }
        if (lower.equals("currency")) {
            return pick(List.of("EUR", "USD", "JPY", "CHF", "BHD"));
        }
        if (lower.contains("timezone")) {
            return pick(List.of("Europe/Berlin", "UTC", "America/New_York", "Pacific/Kiritimati"));
        }
        if (lower.equals("locale")) {
            return pick(List.of("en", "de", "en-GB"));
        }
        if (lower.equals("month")) {
            return YearMonth.now().toString();
        }
        if (lower.equals("q") || lower.equals("name") || lower.equals("description") || lower.equals("displayname")) {
            return pick(List.of("Groceries", "Rent", "Fuzz", "Kibble", "Miete für März", "Ünïcödé 🐈"));
        }
        if (lower.contains("password")) {
            return "fuzz passphrase " + random.nextInt(1_000_000) + " lantern";
        }
        int min = schema.path("minLength").asInt(1);
        int max = Math.min(schema.path("maxLength").asInt(24), 64);
        return randomWord(Math.max(min, Math.min(max, 3 + random.nextInt(10))));
    }

    /** One of the mutations, at a random field of the body (or the body as a whole). */
    private JsonNode mutate(JsonNode body, JsonNode schema, ApiDocument document, List<String> mutations) {
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            mutations.add("body replaced");
            return pick(List.of(NODES.nullNode(), NODES.arrayNode(), NODES.stringNode("x"), NODES.numberNode(7), deepArray(64)));
        }
        var names = new ArrayList<String>();
        object.propertyNames().forEach(names::add);
        String field = pick(names);
        int roll = random.nextInt(9);
        switch (roll) {
            case 0 -> {
                var required = new ArrayList<String>();
                schema.path("required").forEach(each -> required.add(each.asString()));
                String dropped = required.isEmpty() ? field : pick(required);
                object.remove(dropped);
                mutations.add("missing " + dropped);
            }
            case 1 -> {
                object.putNull(field);
                mutations.add("null " + field);
            }
            case 2 -> {
                object.set(field, pick(List.of(NODES.numberNode(1), NODES.booleanNode(true), NODES.stringNode("wrong"),
                        NODES.arrayNode().add(1), NODES.objectNode().put("a", 1), NODES.numberNode(1.5))));
                mutations.add("wrong type " + field);
            }
            case 3 -> {
                object.put(field, hugeString());
                mutations.add("huge " + field);
            }
            case 4 -> {
                object.put(field, pick(NASTY_STRINGS) + randomUnicode(random.nextInt(8)));
                mutations.add("nasty string " + field);
            }
            case 5 -> {
                String number = pick(NASTY_NUMBERS);
                object.set(field, random.nextBoolean() ? NODES.stringNode(number) : numberNode(number));
                mutations.add("nasty number " + field);
            }
            case 6 -> {
                object.put(pick(List.of("id", "createdBy", "role", "roles", "budgetId", "ownerId", "saved", "__proto__", "")),
                        pick(world.own.get("user")));
                mutations.add("extra field");
            }
            case 7 -> {
                object.set(field, deepArray(40));
                mutations.add("nested " + field);
            }
            default -> {
                for (String each : names) {
                    if (random.nextBoolean()) {
                        object.putNull(each);
                    }
                }
                mutations.add("nulls");
            }
        }
        return object;
    }

    private JsonNode numberNode(String number) {
        try {
            return NODES.numberNode(new java.math.BigDecimal(number));
        }
        catch (NumberFormatException ex) {
            return NODES.stringNode(number);
        }
    }

    private JsonNode deepArray(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    private String hugeString() {
        int length = pick(List.of(256, 1_001, 4_097, 65_536, 300_000));
        String unit = pick(List.of("a", "é", "😼", "\u0000", " ", "1"));
        return unit.repeat(length / unit.length());
    }

    private String randomWord(int length) {
        var word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private String randomAscii(int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    private String randomUnicode(int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(0x30000);
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
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
