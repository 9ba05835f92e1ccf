/** What a deleted account leaves behind in this service: memberships, owned budgets, invitations, the replica. */
@NullMarked
package dev.kitty.budget.deletion;

import org.jspecify.annotations.NullMarked;
