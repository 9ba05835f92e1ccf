@NullMarked
package dev.kitty.auth.signing;

import org.jspecify.annotations.NullMarked;
