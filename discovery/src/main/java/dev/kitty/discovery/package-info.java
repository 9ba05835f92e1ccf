@NullMarked
package dev.kitty.discovery;

import org.jspecify.annotations.NullMarked;
