@NullMarked
package dev.kitty.auth.mfa;

import org.jspecify.annotations.NullMarked;
