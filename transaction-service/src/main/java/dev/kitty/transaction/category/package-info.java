@NullMarked
package dev.kitty.transaction.category;

import org.jspecify.annotations.NullMarked;
