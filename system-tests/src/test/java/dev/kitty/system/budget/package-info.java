/** The shared-budget journeys, end to end through the gateway on the running stack. */
@NullMarked
package dev.kitty.system.budget;

import org.jspecify.annotations.NullMarked;
