@NullMarked
package dev.kitty.budget;

import org.jspecify.annotations.NullMarked;
