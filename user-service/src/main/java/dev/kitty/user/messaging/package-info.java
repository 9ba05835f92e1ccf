@NullMarked
package dev.kitty.user.messaging;

import org.jspecify.annotations.NullMarked;
