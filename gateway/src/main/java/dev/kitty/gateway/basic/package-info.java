/**
 * HTTP Basic at the edge: {@code Authorization: Basic base64(email:password-or-PAT)} is
 * exchanged once at auth-service for a short-lived JWT, which is cached and relayed downstream
 * as {@code Authorization: Bearer}. Services only ever see JWTs; the Basic header never leaves
 * the gateway.
 */
@NullMarked
package dev.kitty.gateway.basic;

import org.jspecify.annotations.NullMarked;
