@NullMarked
package dev.kitty.budget.config;

import org.jspecify.annotations.NullMarked;
