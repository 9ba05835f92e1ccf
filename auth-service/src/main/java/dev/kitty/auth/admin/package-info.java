@NullMarked
package dev.kitty.auth.admin;

import org.jspecify.annotations.NullMarked;
