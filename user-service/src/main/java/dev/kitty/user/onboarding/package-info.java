@NullMarked
package dev.kitty.user.onboarding;

import org.jspecify.annotations.NullMarked;
