@NullMarked
package dev.kitty.auth.exchange;

import org.jspecify.annotations.NullMarked;
