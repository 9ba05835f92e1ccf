/** Invitations by email: sending (throttled per inviter), listing, revoking, accepting and declining, and their expiry. */
@NullMarked
package dev.kitty.budget.invitation;

import org.jspecify.annotations.NullMarked;
