package dev.kitty.transaction.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetRoleTests {

    @ParameterizedTest(name = "{0} includes {1}: {2}")
    @CsvSource(textBlock = """
            OWNER,  OWNER,  true
            OWNER,  ADMIN,  true
            OWNER,  VIEWER, true
            ADMIN,  OWNER,  false
            ADMIN,  ADMIN,  true
            ADMIN,  MEMBER, true
            MEMBER, ADMIN,  false
            MEMBER, MEMBER, true
            MEMBER, VIEWER, true
            VIEWER, MEMBER, false
            VIEWER, VIEWER, true
            """)
    void strongerRolesIncludeWeakerOnes(BudgetRole held, BudgetRole required, boolean included) {
        assertThat(held.includes(required)).isEqualTo(included);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(textBlock = """
            OWNER,   OWNER
            VIEWER,  VIEWER
            AUDITOR,
            owner,
            '',
            """)
    void parsesOnlyTheRolesThisVersionKnows(String published, BudgetRole expected) {
        assertThat(BudgetRole.parse(published)).isEqualTo(Optional.ofNullable(expected));
    }
}
