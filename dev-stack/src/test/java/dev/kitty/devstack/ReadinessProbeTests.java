package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReadinessProbeTests {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            200 | {"status":"UP","components":{"db":{"status":"UP"}}}     | true
            503 | {"status":"DOWN","components":{"jwks":{"status":"DOWN"}}} | false
            200 | {"status":"OUT_OF_SERVICE"}                              | false
            200 | not json                                                 | false
            404 | {"status":"UP"}                                          | false
            """)
    void isReadyOnlyOnA200WithStatusUp(int status, String body, boolean ready) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(ReadinessProbe.PATH, (exchange) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (exchange) {
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
        try {
            assertThat(new ReadinessProbe().isReady("http://127.0.0.1:" + server.getAddress().getPort())).isEqualTo(ready);
        }
        finally {
            server.stop(0);
        }
    }

    @Test
    void isNotReadyWhileNothingAnswers() {
        assertThat(new ReadinessProbe().isReady("http://127.0.0.1:" + dev.kitty.infra.Ports.freePort())).isFalse();
    }

}
