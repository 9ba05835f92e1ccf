@NullMarked
package dev.kitty.gateway.identity;

import org.jspecify.annotations.NullMarked;
