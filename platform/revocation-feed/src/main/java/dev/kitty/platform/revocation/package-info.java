/**
 * Every instance of every service learns within a second that an account's credentials stopped
 * being valid ({@link dev.kitty.identity.events.CredentialsRevoked} on {@code identity.events}) and
 * remembers it for as long as an access token can live. Resource servers refuse the tokens it
 * covers; the gateway drops its cached HTTP Basic tokens of the account.
 */
@NullMarked
package dev.kitty.platform.revocation;

import org.jspecify.annotations.NullMarked;
