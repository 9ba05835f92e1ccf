@NullMarked
package dev.kitty.transaction.membership;

import org.jspecify.annotations.NullMarked;
