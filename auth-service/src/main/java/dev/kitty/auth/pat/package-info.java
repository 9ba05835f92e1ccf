@NullMarked
package dev.kitty.auth.pat;

import org.jspecify.annotations.NullMarked;
