/**
 * Deleting a user: the owner ({@code DELETE /api/users/me}) or an administrator ({@code DELETE /api/users/{id}}) asks,
 * auth-service approves (it holds the password and the system roles, docs/adr/0012), and this service deletes the
 * profile and settings, leaves a tombstone and announces {@code UserDeleted} in one transaction.
 */
@NullMarked
package dev.kitty.user.deletion;

import org.jspecify.annotations.NullMarked;
