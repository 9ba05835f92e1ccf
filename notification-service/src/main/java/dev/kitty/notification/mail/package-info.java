@NullMarked
package dev.kitty.notification.mail;

import org.jspecify.annotations.NullMarked;
