@NullMarked
package dev.kitty.gateway.error;

import org.jspecify.annotations.NullMarked;
