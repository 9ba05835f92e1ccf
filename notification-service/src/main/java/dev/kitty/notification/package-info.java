@NullMarked
package dev.kitty.notification;

import org.jspecify.annotations.NullMarked;
