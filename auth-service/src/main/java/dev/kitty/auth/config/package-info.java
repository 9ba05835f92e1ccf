@NullMarked
package dev.kitty.auth.config;

import org.jspecify.annotations.NullMarked;
