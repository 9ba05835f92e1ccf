/**
 * Limits against hostile clients at the edge: request bodies, and clients that send their request too slowly
 * (docs/hostile-input.md, ADR 23).
 */
@NullMarked
package dev.kitty.gateway.limits;

import org.jspecify.annotations.NullMarked;
