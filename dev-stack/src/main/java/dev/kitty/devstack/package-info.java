/**
 * The one-command local launcher: embedded PostgreSQL, Kafka and mail, then every Kitty service as
 * its own JVM, ready when Eureka lists them all.
 */
@NullMarked
package dev.kitty.devstack;

import org.jspecify.annotations.NullMarked;
