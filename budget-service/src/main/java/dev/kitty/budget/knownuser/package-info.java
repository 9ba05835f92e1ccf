@NullMarked
package dev.kitty.budget.knownuser;

import org.jspecify.annotations.NullMarked;
