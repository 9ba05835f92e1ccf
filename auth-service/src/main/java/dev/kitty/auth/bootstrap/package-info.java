@NullMarked
package dev.kitty.auth.bootstrap;

import org.jspecify.annotations.NullMarked;
