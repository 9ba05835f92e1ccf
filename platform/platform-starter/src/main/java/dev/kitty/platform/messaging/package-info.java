@NullMarked
package dev.kitty.platform.messaging;

import org.jspecify.annotations.NullMarked;
