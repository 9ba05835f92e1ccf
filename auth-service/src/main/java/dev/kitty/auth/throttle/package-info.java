@NullMarked
package dev.kitty.auth.throttle;

import org.jspecify.annotations.NullMarked;
