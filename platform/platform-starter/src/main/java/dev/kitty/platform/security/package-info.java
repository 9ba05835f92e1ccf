@NullMarked
package dev.kitty.platform.security;

import org.jspecify.annotations.NullMarked;
