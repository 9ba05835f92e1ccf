package dev.kitty.auth.bootstrap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first super user, from the environment: {@code KITTY_AUTH_BOOTSTRAP_SUPER_USER_EMAIL} and
 * {@code KITTY_AUTH_BOOTSTRAP_SUPER_USER_PASSWORD}. Used only while no SUPER_USER exists.
 */
@ConfigurationProperties("kitty.auth.bootstrap")
record BootstrapProperties(@DefaultValue SuperUser superUser) {

    /**
     * @param email       the super user's address
     * @param password    their password; must pass the password policy. Never logged (see {@link #toString()})
     * @param displayName for the profile user-service creates from the registration event
     */
    record SuperUser(@Nullable String email, @Nullable String password, @DefaultValue("Super User") String displayName) {

        boolean configured() {
            return email != null && !email.isBlank() || password != null && !password.isEmpty();
        }

        @Override
        public String toString() {
            return "SuperUser[email=" + email + ", displayName=" + displayName + ", password " + (password == null ? "unset" : "redacted") + "]";
        }
    }
}
