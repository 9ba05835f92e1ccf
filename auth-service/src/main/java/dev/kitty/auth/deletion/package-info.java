/**
 * Approving an account's deletion, for user-service, which owns the deletion (it publishes
 * {@code UserDeleted}) but not the credentials and system roles that decide whether it may happen
 * (docs/adr/0012). Approving changes nothing here: the account goes when {@code UserDeleted} comes back.
 */
@NullMarked
package dev.kitty.auth.deletion;

import org.jspecify.annotations.NullMarked;
