@NullMarked
package dev.kitty.notification.settings;

import org.jspecify.annotations.NullMarked;
