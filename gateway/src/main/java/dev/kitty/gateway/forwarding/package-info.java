@NullMarked
package dev.kitty.gateway.forwarding;

import org.jspecify.annotations.NullMarked;
