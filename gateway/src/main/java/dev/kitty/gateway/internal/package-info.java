/** Paths of the services that are for the gateway's own use and never routed from outside. */
@NullMarked
package dev.kitty.gateway.internal;

import org.jspecify.annotations.NullMarked;
