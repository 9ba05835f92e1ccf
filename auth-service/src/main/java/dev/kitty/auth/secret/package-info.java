@NullMarked
package dev.kitty.auth.secret;

import org.jspecify.annotations.NullMarked;
