/** Who is who: the display names of accounts, replicated from identity and user events, for showing authors. */
@NullMarked
package dev.kitty.transaction.people;

import org.jspecify.annotations.NullMarked;
