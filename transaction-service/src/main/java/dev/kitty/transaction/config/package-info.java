@NullMarked
package dev.kitty.transaction.config;

import org.jspecify.annotations.NullMarked;
