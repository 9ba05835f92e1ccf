/**
 * Real PostgreSQL, Kafka (KRaft) and SMTP/IMAP servers in-process or as child processes, for
 * the local launcher (persistent data) and for integration tests (temporary data). Every
 * server binds 127.0.0.1 only.
 */
@NullMarked
package dev.kitty.infra;

import org.jspecify.annotations.NullMarked;
