package dev.kitty.platform.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service in miniature: JDBC, Kafka and mail auto-configured from whatever the test context provides. */
@SpringBootApplication
class ProbeApplication {
}
