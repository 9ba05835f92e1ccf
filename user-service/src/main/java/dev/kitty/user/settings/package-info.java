@NullMarked
package dev.kitty.user.settings;

import org.jspecify.annotations.NullMarked;
