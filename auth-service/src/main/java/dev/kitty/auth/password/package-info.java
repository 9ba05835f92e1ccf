@NullMarked
package dev.kitty.auth.password;

import org.jspecify.annotations.NullMarked;
