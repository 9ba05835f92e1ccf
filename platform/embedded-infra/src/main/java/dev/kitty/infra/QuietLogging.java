package dev.kitty.infra;

import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Turns the embedded servers' INFO output down to WARN: Kafka writes hundreds of lines per start
 * (config dumps, raft and metadata progress), zonky relays every line of initdb and the server
 * log. Each server logs one line of its own when ready instead. Only when Logback is the
 * backend, and only for loggers nobody configured: {@code logging.level.org.apache.kafka=INFO}
 * or {@code logging.level.io.zonky=INFO} brings the detail back.
 */
final class QuietLogging {

    private static final List<String> CHATTY = List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky.test.db.postgres");
    private static final boolean LOGBACK = isPresent("ch.qos.logback.classic.LoggerContext");

    private QuietLogging() {
    }

    static void apply() {
        if (LOGBACK) {
            Logback.quiet(CHATTY);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, QuietLogging.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    // separate class so that Logback types are only loaded when Logback is there
    private static final class Logback {

        static void quiet(List<String> names) {
            if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
                for (String name : names) {
                    var logger = context.getLogger(name);
                    if (logger.getLevel() == null) {
                        logger.setLevel(ch.qos.logback.classic.Level.WARN);
                    }
                }
            }
        }
    }
}
