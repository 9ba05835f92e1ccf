/**
 * Hostile input through the gateway on the real stack (issue 11): a fuzzer that generates requests from every
 * service's OpenAPI document, and the limits against oversized bodies, deep JSON, huge headers and slow clients.
 */
@NullMarked
package dev.kitty.system.fuzz;

import org.jspecify.annotations.NullMarked;
