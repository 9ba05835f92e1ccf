@NullMarked
package dev.kitty.notification.inbox;

import org.jspecify.annotations.NullMarked;
