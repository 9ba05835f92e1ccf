package dev.kitty.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller (or one handler method) that manages the caller's credentials: passwords,
 * second factors, recovery codes, personal access tokens, the account itself. Such a request
 * needs an access token from an interactive login, one whose {@code amr} includes
 * {@value JwtPolicy#AMR_PASSWORD}; a token exchanged for a personal access token ({@code amr}
 * {@value JwtPolicy#AMR_PERSONAL_ACCESS_TOKEN}) gets 403 {@code interactive-login-required}. A
 * leaked script token must never be turnable into control of the account (OWASP ASVS 5.0 V6.4:
 * a new factor is issued only on the strength of a primary one).
 *
 * <p>The platform enforces it for every handler of every service (see {@link InteractiveLoginPolicy});
 * put it on the class for a controller that is all credential management.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InteractiveLoginRequired {
}
