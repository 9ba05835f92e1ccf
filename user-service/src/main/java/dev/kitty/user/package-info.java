@NullMarked
package dev.kitty.user;

import org.jspecify.annotations.NullMarked;
