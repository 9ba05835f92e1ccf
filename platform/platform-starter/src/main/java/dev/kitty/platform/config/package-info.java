@NullMarked
package dev.kitty.platform.config;

import org.jspecify.annotations.NullMarked;
