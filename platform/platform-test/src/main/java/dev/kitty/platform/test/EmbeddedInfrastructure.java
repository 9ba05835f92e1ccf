package dev.kitty.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test context against real infrastructure started once per JVM: a PostgreSQL
 * server with one database for the JVM, a Kafka broker (KRaft) and an SMTP/IMAP server, plus a
 * {@link TestTokens} issuer whose JWKS the service under test trusts.
 *
 * <p>The context gets:
 * <ul>
 *   <li>a {@code JdbcConnectionDetails} and a {@code KafkaConnectionDetails} bean, which win
 *       over {@code spring.datasource.*} and {@code spring.kafka.bootstrap-servers};</li>
 *   <li>properties {@code spring.mail.host}/{@code spring.mail.port}, {@code kitty.security.jwk-set-uri},
 *       {@code kitty.security.issuer} ({@value TestTokens#ISSUER}), {@code kitty.security.audience}
 *       ({@value TestTokens#AUDIENCE}), {@code eureka.client.enabled=false} and
 *       {@code spring.cloud.discovery.enabled=false}: above {@code application.yml}, below the
 *       test's own inlined and dynamic properties;</li>
 *   <li>beans for injection: {@link dev.kitty.infra.EmbeddedPostgresServer},
 *       {@link dev.kitty.infra.EmbeddedKafkaBroker}, {@link dev.kitty.infra.EmbeddedMailServer} and
 *       {@link TestTokens}.</li>
 * </ul>
 * The servers outlive every context (they are shared by all contexts of the JVM) and stop after
 * the last context closed at JVM exit. Tests therefore share the database, topics and mailboxes:
 * use fresh ids, and assert on what your test produced rather than on totals.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EmbeddedInfrastructure
 * class BudgetFlowIT { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedInfrastructure {
}
