@NullMarked
package dev.kitty.gateway;

import org.jspecify.annotations.NullMarked;
