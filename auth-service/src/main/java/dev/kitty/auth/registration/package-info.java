@NullMarked
package dev.kitty.auth.registration;

import org.jspecify.annotations.NullMarked;
