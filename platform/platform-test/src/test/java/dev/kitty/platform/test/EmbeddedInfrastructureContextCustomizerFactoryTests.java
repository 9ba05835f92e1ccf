package dev.kitty.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureContextCustomizerFactoryTests {

    final EmbeddedInfrastructureContextCustomizerFactory factory = new EmbeddedInfrastructureContextCustomizerFactory();

    @EmbeddedInfrastructure
    static class Annotated {
    }

    static class Inheriting extends Annotated {
    }

    @EmbeddedInfrastructure
    static class AnnotatedToo {
    }

    static class Plain {
    }

    @Test
    void customizesAnnotatedTestClassesAndTheirSubclassesOnly() {
        assertThat(factory.createContextCustomizer(Annotated.class, List.of())).isNotNull();
        assertThat(factory.createContextCustomizer(Inheriting.class, List.of())).isNotNull();
        assertThat(factory.createContextCustomizer(Plain.class, List.of())).isNull();
    }

    @Test
    void customizersOfDifferentTestClassesAreEqualSoTheyShareACachedContext() {
        var one = factory.createContextCustomizer(Annotated.class, List.of());
        var other = factory.createContextCustomizer(AnnotatedToo.class, List.of());

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }
}
