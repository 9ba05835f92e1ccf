package dev.kitty.devstack;

import java.util.function.UnaryOperator;

/**
 * Where the services find the embedded infrastructure.
 *
 * @param jdbcUrl the JDBC URL of a database, by name
 * @param kafkaBootstrapServers {@code host:port} of the Kafka broker
 * @param mailHost the SMTP host
 * @param smtpPort the SMTP port
 * @param imapPort the IMAP port (for people reading the captured mail)
 */
public record InfrastructureEndpoints(UnaryOperator<String> jdbcUrl, String kafkaBootstrapServers, String mailHost,
        int smtpPort, int imapPort) {
}
