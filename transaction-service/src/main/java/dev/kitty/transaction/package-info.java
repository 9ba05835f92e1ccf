@NullMarked
package dev.kitty.transaction;

import org.jspecify.annotations.NullMarked;
