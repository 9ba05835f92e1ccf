@NullMarked
package dev.kitty.auth.account;

import org.jspecify.annotations.NullMarked;
