package dev.kitty.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI checks of {@link GoldenSamples} fail for the drifts they exist to catch. */
class AsyncApiDocumentTests {

    record Opened(UUID accountId, Instant openedAt) {}

    static final EventType<Opened> OPENED = EventType.of("kitty.account.opened.v1", "account.events", Opened.class,
            e -> e.accountId().toString());

    static final String MESSAGE = """
            name: kitty.account.opened.v1
            payload:
              type: object
              required: [type, data]
              properties:
                type:
                  const: kitty.account.opened.v1
                data:
                  type: object
                  additionalProperties: false
                  properties:
                    accountId:
                      type: string
                      format: uuid
                    openedAt:
                      type: string
                      format: date-time
                  required: [accountId, openedAt]
            """;

    static final String SAMPLE = """
            {"type": "kitty.account.opened.v1",
             "data": {"accountId": "3f8a2c7e-5b1d-4e6f-9a0b-1c2d3e4f5a6b", "openedAt": "2026-11-23T09:15:30Z"}}
            """;

    @Test
    void acceptsAStrictSchemaAndASampleThatMatchesIt() {
        AsyncApiDocument.assertStrict(yaml(MESSAGE), OPENED);

        assertThat(AsyncApiDocument.violations(schema(MESSAGE), json(SAMPLE))).isEmpty();
    }

    @Test
    void refusesASampleWithARenamedField() {
        assertThat(AsyncApiDocument.violations(schema(MESSAGE), json(SAMPLE.replace("openedAt", "openedOn"))))
                .anySatisfy(violation -> assertThat(violation).contains("openedOn"))
                .anySatisfy(violation -> assertThat(violation).contains("openedAt"));
    }

    @Test
    void refusesASampleWithoutARequiredField() {
        assertThat(AsyncApiDocument.violations(schema(MESSAGE), json(SAMPLE.replace(", \"openedAt\": \"2026-11-23T09:15:30Z\"", ""))))
                .singleElement().asString().contains("openedAt");
    }

    @Test
    void refusesASampleWithAValueOfTheWrongType() {
        assertThat(AsyncApiDocument.violations(schema(MESSAGE), json(SAMPLE.replace("\"2026-11-23T09:15:30Z\"", "1764000000"))))
                .singleElement().asString().contains("openedAt");
    }

    @Test
    void refusesASchemaThatLetsUnknownFieldsThrough() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> AsyncApiDocument.assertStrict(yaml(MESSAGE.replace("additionalProperties: false", "additionalProperties: true")), OPENED))
                .withMessageContaining("additionalProperties");
    }

    @Test
    void refusesASchemaWhoseFieldsAreNotTheRecords() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> AsyncApiDocument.assertStrict(yaml(MESSAGE.replace("openedAt", "openedOn")), OPENED))
                .withMessageContaining("data properties");
    }

    private static JsonNode schema(String message) {
        return yaml(message).path("payload");
    }

    private static JsonNode yaml(String text) {
        return YAMLMapper.builder().build().readTree(text);
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }
}
