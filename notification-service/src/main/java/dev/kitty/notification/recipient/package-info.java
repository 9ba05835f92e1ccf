/** Who the users are (address, display name), replicated from identity and user events. */
@NullMarked
package dev.kitty.notification.recipient;

import org.jspecify.annotations.NullMarked;
