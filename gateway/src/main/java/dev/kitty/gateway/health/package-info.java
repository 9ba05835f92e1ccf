/** What the gateway's readiness needs beyond Boot's and Spring Cloud's own indicators. */
@NullMarked
package dev.kitty.gateway.health;

import org.jspecify.annotations.NullMarked;
