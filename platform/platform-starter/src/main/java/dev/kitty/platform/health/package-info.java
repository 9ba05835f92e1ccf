/**
 * Health on the public port while the actuator (metrics and the rest) is served on the management port.
 */
@NullMarked
package dev.kitty.platform.health;

import org.jspecify.annotations.NullMarked;
