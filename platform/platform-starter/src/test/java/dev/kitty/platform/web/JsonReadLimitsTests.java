package dev.kitty.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/** Every mapper created after start-up reads at most {@link JsonReadLimits}' depth and length. */
class JsonReadLimitsTests {

    @BeforeAll
    static void applied() {
        new JsonReadLimits().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimit() {
        var json = JsonMapper.builder().build();
        int depth = JsonReadLimits.MAX_NESTING_DEPTH;

        assertThat(json.readTree("[".repeat(depth) + "]".repeat(depth)).isArray()).isTrue();
        assertThatThrownBy(() -> json.readTree("[".repeat(depth + 1) + "]".repeat(depth + 1)))
                .isInstanceOf(StreamConstraintsException.class);
        assertThatThrownBy(() -> json.readTree("[".repeat(10_000) + "]".repeat(10_000)))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void refusesADocumentLongerThanTheLimit() {
        var json = JsonMapper.builder().build();
        String longer = "[\"" + "a".repeat(512 * 1024) + "\"" + ",\"b\"".repeat((int) JsonReadLimits.MAX_DOCUMENT_LENGTH / 4) + "]";

        assertThatThrownBy(() -> json.readTree(longer)).isInstanceOf(StreamConstraintsException.class);
    }
}
