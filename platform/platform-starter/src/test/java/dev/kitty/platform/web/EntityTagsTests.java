package dev.kitty.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EntityTagsTests {

    @Test
    void theTagIsTheQuotedVersion() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "W/\"7\"", " \"7\" ", "\"1\", \"7\"", "*"})
    void aHeaderNamingTheCurrentVersionPasses(String ifMatch) {
        assertThatCode(() -> EntityTags.requireMatch(ifMatch, 7)).doesNotThrowAnyException();
    }

    @Test
    void noHeaderMeansAnUnconditionalUpdate() {
        assertThatCode(() -> EntityTags.requireMatch(null, 7)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"6\"", "\"8\"", "7", "\"07\"", "W/\"6\", \"8\"", "garbage", "\"\""})
    void aStaleOrMalformedTagIsAPreconditionFailure(String ifMatch) {
        assertThatThrownBy(() -> EntityTags.requireMatch(ifMatch, 7))
                .isInstanceOf(DomainException.PreconditionFailed.class)
                .extracting(e -> ((DomainException) e).slug()).isEqualTo("stale-version");
    }

    @Test
    void aPreconditionFailureIsAnswered412() {
        var problem = DomainProblems.of(new DomainException.PreconditionFailed("stale"));
        assertThat(problem.getStatusCode().value()).isEqualTo(412);
    }
}
