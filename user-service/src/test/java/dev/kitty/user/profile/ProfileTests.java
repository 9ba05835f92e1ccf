package dev.kitty.user.profile;

import static dev.kitty.user.profile.ProfileFixtures.ADA_ID;
import static dev.kitty.user.profile.ProfileFixtures.ada;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kitty.user.DomainEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTests {

    @Test
    void registeringRecordsTheNewProfileForOtherServices() {
        var profile = ada();

        assertThat(profile.emailVerified()).isFalse();
        assertThat(DomainEvents.recordedBy(profile)).containsExactly(new ProfileChanged(ADA_ID, "ada@example.com", "Ada", 1));
    }

    @Test
    void renameTrimsTheNameAndRecordsTheChange() {
        var profile = ada();
        DomainEvents.clear(profile);

        assertThat(profile.rename("  Ada Lovelace ")).isTrue();

        assertThat(profile.displayName()).isEqualTo("Ada Lovelace");
        assertThat(DomainEvents.recordedBy(profile)).containsExactly(new ProfileChanged(ADA_ID, "ada@example.com", "Ada Lovelace", 2));
    }

    @Test
    void everyPublishedChangeCountsOneRevisionSoReplicasCanOrderThem() {
        var profile = ada();
        DomainEvents.clear(profile);

        profile.rename("Ada Lovelace");
        profile.confirmEmail("ada@example.com");
        profile.rename("Ada King");
        profile.confirmEmail("ada@king.example");

        assertThat(DomainEvents.recordedBy(profile)).extracting(event -> ((ProfileChanged) event).revision()).containsExactly(2L, 3L, 4L);
        assertThat(profile.revision()).isEqualTo(4);
    }

    @Test
    void renamingToTheSameNameRecordsNothing() {
        var profile = ada();
        DomainEvents.clear(profile);

        assertThat(profile.rename(" Ada")).isFalse();

        assertThat(DomainEvents.recordedBy(profile)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Ada\u0000", "Line\nbreak"})
    void refusesDisplayNamesThatAreBlankOrHoldControlCharacters(String name) {
        var profile = ada();

        assertThatIllegalArgumentException().isThrownBy(() -> profile.rename(name));
        assertThat(profile.displayName()).isEqualTo("Ada");
    }

    @Test
    void acceptsEightyCharactersButNotEightyOne() {
        var profile = ada();

        assertThat(profile.rename("a".repeat(80))).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> profile.rename("b".repeat(81)));
    }

    @Test
    void confirmingTheEmailMarksItVerifiedWithoutTellingOthersWhenTheAddressIsUnchanged() {
        var profile = ada();
        DomainEvents.clear(profile);

        profile.confirmEmail("ada@example.com");

        assertThat(profile.emailVerified()).isTrue();
        assertThat(DomainEvents.recordedBy(profile)).isEmpty();
    }

    @Test
    void confirmingAnotherAddressAdoptsItBecauseAuthServiceOwnsEmails() {
        var profile = ada();
        DomainEvents.clear(profile);

        profile.confirmEmail("ada@lovelace.example");

        assertThat(profile.email()).isEqualTo("ada@lovelace.example");
        assertThat(DomainEvents.recordedBy(profile)).containsExactly(new ProfileChanged(ADA_ID, "ada@lovelace.example", "Ada", 2));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" from {1} -> \"{2}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Ada                | ada@example.com | Ada
            "  Ada  "          | ada@example.com | Ada
            ""                 | ada@example.com | ada
            "   "              | grace@x.org     | grace
            "Ada\u0007Lovelace"| ada@example.com | AdaLovelace
            """)
    void registrationNamesThatBreakTheRulesAreMadeToFit(String given, String email, String expected) {
        assertThat(ProfileManagement.fittingDisplayName(given.translateEscapes(), email)).isEqualTo(expected);
    }

    @Test
    void registrationNamesThatAreTooLongAreCut() {
        assertThat(ProfileManagement.fittingDisplayName("x".repeat(200), "a@b.c")).hasSize(80);
        assertThat(ProfileManagement.fittingDisplayName(null, "a@b.c")).isEqualTo("a");
    }
}
