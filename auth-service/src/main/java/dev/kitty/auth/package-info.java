@NullMarked
package dev.kitty.auth;

import org.jspecify.annotations.NullMarked;
