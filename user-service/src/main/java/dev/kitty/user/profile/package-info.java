@NullMarked
package dev.kitty.user.profile;

import org.jspecify.annotations.NullMarked;
