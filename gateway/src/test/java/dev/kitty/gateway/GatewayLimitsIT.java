package dev.kitty.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's limits against hostile clients (dev.kitty.gateway.limits), over raw sockets against the real
 * gateway: bodies over the limit are 413 problems, declared or chunked; a request head that does not arrive in time
 * is a 408 problem and a closed connection; a silent connection is closed without an answer; and a client that
 * waits for {@code 100 Continue} is not cut off while its body follows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "eureka.client.enabled=false",
        "kitty.security.revocation.enabled=false",
        "kitty.gateway.limits.request-head-timeout=1s",
        "kitty.gateway.limits.max-body-size=64KB",
})
class GatewayLimitsIT {

    static StubBackends stubs;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        stubs = new StubBackends(List.of("user-service"));
        registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", () -> stubs.uri("user-service"));
    }

    @AfterAll
    static void stopBackends() {
        stubs.close();
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeItIsSent() throws IOException {
        try (var socket = connect()) {
            send(socket, "PATCH /api/users/me HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (64 * 1024 + 1) + "\r\n\r\n");

            var response = Raw.read(socket.getInputStream());

            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(response.body()).contains("content-too-large");
        }
    }

    @Test
    void aChunkedBodyIsCutOffOnceItPassesTheLimit() throws IOException {
        try (var socket = connect()) {
            send(socket, "PATCH /api/users/me HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            var out = socket.getOutputStream();
            var writing = CompletableFuture.runAsync(() -> chunks(out, 2 * 1024 * 1024));

            var response = Raw.read(socket.getInputStream());
            writing.cancel(true);

            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aBodyWithinTheLimitIsForwarded() throws IOException {
        try (var socket = connect()) {
            String body = "{\"displayName\":\"" + "a".repeat(60 * 1024) + "\"}";
            send(socket, "PATCH /api/users/me HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);

            var response = Raw.read(socket.getInputStream());

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.body()).contains("service=user-service");
        }
    }

    @Test
    void aRequestHeadThatNeverEndsIsAnswered408AndClosed() throws IOException {
        try (var socket = connect()) {
            send(socket, "GET /api/users/me HTTP/1.1\r\nHost: localhost\r\nX-Slow: a");

            var response = Raw.read(socket.getInputStream());

            assertThat(response.status()).as(response.toString()).isEqualTo(408);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(response.header("connection")).isEqualToIgnoringCase("close");
            assertThat(socket.getInputStream().read()).as("closed").isEqualTo(-1);
        }
    }

    @Test
    void aConnectionOnWhichNothingArrivesIsClosedWithoutAnAnswer() throws IOException {
        try (var socket = connect()) {
            assertThat(socket.getInputStream().read()).as("closed, no 408 for a request nobody sent").isEqualTo(-1);
        }
    }

    @Test
    void aClientWaitingFor100ContinueMayTakeLongerThanTheHeadTimeoutForItsBody() throws Exception {
        try (var socket = connect()) {
            String body = "{\"displayName\":\"Ada\"}";
            send(socket, "PATCH /api/users/me HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n");
            var interim = Raw.read(socket.getInputStream());
            assertThat(interim.status()).isEqualTo(100);

            Thread.sleep(1_500); // the client is slow to send its body, longer than the 1 s head timeout
            send(socket, body);
            var response = Raw.read(socket.getInputStream());

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
    }

    private Socket connect() throws IOException {
        var socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static void chunks(OutputStream out, int total) {
        byte[] chunk = ("4000\r\n" + "[".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try {
            for (int sent = 0; sent < total; sent += 0x4000) {
                out.write(chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        catch (IOException ex) {
            // the gateway answered and closed before the body was done: expected
        }
    }

    /** Status line, headers and a Content-Length body off a raw socket. */
    record Raw(int status, List<String> headers, String body) {

        String header(String name) {
            return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("");
        }

        static Raw read(InputStream in) throws IOException {
            String statusLine = line(in);
            var headers = new java.util.ArrayList<String>();
            int length = 0;
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                headers.add(line);
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return new Raw(Integer.parseInt(statusLine.split(" ")[1]), headers,
                    new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            var line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new IOException("connection closed mid-line: " + line.toString(StandardCharsets.ISO_8859_1));
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
