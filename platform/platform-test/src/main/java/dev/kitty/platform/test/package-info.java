/**
 * Integration-test support on real infrastructure: {@link dev.kitty.platform.test.EmbeddedInfrastructure}
 * connects a {@code @SpringBootTest} to an embedded PostgreSQL, Kafka broker and mail server (the
 * way {@code @ServiceConnection} does for containers) and to a test token issuer;
 * {@link dev.kitty.platform.test.TopicRecords} reads what landed on a topic.
 */
@NullMarked
package dev.kitty.platform.test;

import org.jspecify.annotations.NullMarked;
