package dev.kitty.system.fuzz;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values for the {@link RequestGenerator}: what a schema allows (with field names telling money, currencies, dates and
 * ids apart, and ids taken from the {@link FuzzWorld}), the mutations of a valid JSON body, CSV for the import, and
 * the strings, numbers, bodies and content types that break careless code. Draws from the generator's seeded
 * {@link Random}, so that a seed replays the same values.
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings a careless parser, database column or template chokes on. */
    static final List<String> NASTY_STRINGS = List.of(
            "", " ", "\t\n", "\u0000", "a\u0000b", "\u0007\u001b[31m", "\u202Eevil\u202C", "\u200B\u200B", "\uFEFF",
            "😼😼😼", "Z\u0351\u0363\u0324a\u0336\u0331lgo", "ǅ", "\uD800", "null", "NULL", "undefined", "true", "0", "-1",
            "1e309", "NaN", "Infinity", "'; DROP TABLE account; --", "\" OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "{{7*7}}", "%s%s%n", "../../../etc/passwd", "..%2f..%2f", "\\", "/", "*", "%", "_", "2026-02-30", "2026-13-01", "9999-12-31",
            "0000-01-01", "-2026-01-01", "2026-1-1", "+10000-01-01", "12,50", "1.2.3", "0x10", "١٢٣", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "Europe/Nowhere", "UTC+99", "xx_YY", "EURO", "eur", "XXX", "ADMIN",
            "OWNER", "SUPER_USER");

    static final List<String> NASTY_NUMBERS = List.of(
            "0", "-0", "-1", "-0.01", "0.001", "1e2", "1E400", "-1e400", "1e-400", "99999999999999999999999999999999",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649",
            "1.7976931348623157E309", "123456789012.345", "0.1234567890123456789", "1.0", "100.00");

    static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/csv",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/json; charset=ebcdic",
            "application/octet-stream", "application/problem+json", "application/json-patch+json", "*/*", ";;;", "application/");

    static final List<String> NON_JSON_BODIES = List.of("", " ", "null", "[]", "{}", "[{}]", "{", "}", "{\"a\":",
            "\"just a string\"", "42", "true", "garbage", "\u0000\u0000", "<xml/>", "a=b&c=d", "{'single':'quotes'}",
            "{\"a\":1,\"a\":2}", "\uFEFF{}", "{\"x\":1} trailing");

    private final Random random;
    private final FuzzWorld world;

    SchemaValues(Random random, FuzzWorld world) {
        this.random = random;
        this.world = world;
    }

    String csv(List<String> mutations) {
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

    JsonNode valid(String name, JsonNode schema, int depth) {
        return valid(name, schema, depth, null);
    }

    /** A value the schema allows, with names telling money, currencies, dates and ids apart. */
    JsonNode valid(String name, JsonNode raw, int depth, @Nullable ApiDocument document) {
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
    JsonNode mutate(JsonNode body, JsonNode schema, ApiDocument document, List<String> mutations) {
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

    String randomAscii(int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    String randomUnicode(int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(0x30000);
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
