/** Attacks on the resource-server side of the token rules, run against a real user-service over HTTP. */
@NullMarked
package dev.kitty.user.security;

import org.jspecify.annotations.NullMarked;
