@NullMarked
package dev.kitty.auth.session;

import org.jspecify.annotations.NullMarked;
