package dev.kitty.system.fuzz;

import static dev.kitty.system.security.KittyClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.devstack.RunningStack;
import dev.kitty.system.SharedStack;
import dev.kitty.system.security.KittyClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11, hostile input: the limits the gateway sets against clients that send too much or too slowly, each
 * answered with a problem (docs/hostile-input.md): a 20 MB body (declared, and chunked), 10,000-deep JSON, 100 KB of
 * headers, and 200 slowloris connections while an ordinary client keeps getting its answers.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith({SharedStack.class, SharedStack.LogTailsOnFailure.class})
class HostileInputIT {

    private static final int TWENTY_MB = 20 * 1024 * 1024;

    private static KittyClient kitty;
    private static int gatewayPort;
    private static String token;
    private static String budgetId;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void owner(RunningStack stack) {
        kitty = new KittyClient(stack);
        gatewayPort = URI.create(stack.gatewayUrl()).getPort();
        var owner = kitty.register("hostile-owner");
        token = kitty.login(owner).accessToken();
        kitty.awaitProfile(token);
        var budget = kitty.send("POST", kitty.gateway() + "/api/budgets", bearer(token), "{\"name\":\"Hostile\",\"currency\":\"EUR\"}");
        assertThat(budget.status()).as(budget.toString()).isEqualTo(201);
        budgetId = budget.json().path("id").asString();
    }

    @Test
    void aTwentyMegabyteJsonBodyIsRefusedWith413BeforeItIsRead() throws Exception {
        String huge = "{\"name\":\"" + "a".repeat(TWENTY_MB) + "\",\"currency\":\"EUR\"}";
        var response = http.send(HttpRequest.newBuilder(URI.create(kitty.gateway() + "/api/budgets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .expectContinue(true).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(kitty.send("GET", kitty.gateway() + "/api/budgets", bearer(token), null).json().path("page").path("totalElements").asInt())
                .as("nothing was created").isEqualTo(1);
    }

    @Test
    void aChunkedTwentyMegabyteBodyIsCutOffWith413() throws Exception {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), gatewayPort)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/budgets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            // the gateway may answer and close while the body still flows: write in the background, read here
            var writing = CompletableFuture.runAsync(() -> writeChunks(out, TWENTY_MB));
            var response = RawResponse.read(socket.getInputStream());
            writing.cancel(true);

            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anImportLargerThanTheImportLimitIsRefusedWith413() throws Exception {
        var csv = new StringBuilder("type,amount,occurredOn,description\n");
        String row = "EXPENSE,1.00,2026-03-01," + "x".repeat(100) + "\n";
        while (csv.length() <= TWENTY_MB + 1024) {
            csv.append(row);
        }
        var response = http.send(HttpRequest.newBuilder(URI.create(kitty.gateway() + "/api/budgets/" + budgetId + "/transactions/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .expectContinue(true).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void tenThousandLevelsOfJsonAreAMalformedRequest() {
        String deep = "{\"name\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"currency\":\"EUR\"}";

        var response = kitty.send("POST", kitty.gateway() + "/api/budgets", bearer(token), deep);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
    }

    @Test
    void oneHundredKilobytesOfHeadersAre431() {
        var response = kitty.send("GET", kitty.gateway() + "/api/budgets",
                java.util.Map.of("Authorization", "Bearer " + token, "X-Padding", "p".repeat(100 * 1024)), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(431);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
    }

    @Test
    void twoHundredSlowlorisConnectionsNeitherStarveOtherClientsNorStayOpen() throws Exception {
        var stop = new AtomicBoolean();
        var sockets = new ArrayList<Socket>();
        try (var trickling = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                var socket = new Socket(InetAddress.getLoopbackAddress(), gatewayPort);
                sockets.add(socket);
                trickling.submit(() -> trickle(socket, stop));
            }
            // an ordinary client meanwhile: every call answered (the timeouts are generous, not a latency goal)
            for (int i = 0; i < 20; i++) {
                var response = kitty.send("GET", kitty.gateway() + "/api/budgets/" + budgetId, bearer(token), null);
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
            }
            // a connection that never finishes its headers is answered 408 and closed (request-head-timeout 10 s)
            var stalled = sockets.getFirst();
            stalled.setSoTimeout(90_000);
            var response = RawResponse.read(stalled.getInputStream());
            assertThat(response.status()).as(response.toString()).isEqualTo(408);
            assertThat(response.contentType()).startsWith("application/problem+json");
            stop.set(true);
        }
        finally {
            stop.set(true);
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** A header line a byte at a time, never the blank line that ends the headers. */
    private static void trickle(Socket socket, AtomicBoolean stop) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/budgets HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
            while (!stop.get()) {
                out.write('a');
                out.flush();
                Thread.sleep(1000);
            }
        }
        catch (IOException | InterruptedException ex) {
            // closed by the gateway, or by the test
        }
    }

    /**
     * Whitespace after an opening brace: valid JSON as far as it goes, so the service keeps reading (deeper nesting or
     * a long string would be refused by the service's own JSON limits first, with a 400).
     */
    private static void writeChunks(OutputStream out, int total) {
        byte[] chunk = ("4000\r\n" + " ".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try {
            out.write("1\r\n{\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int sent = 0; sent < total; sent += 0x4000) {
                out.write(chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        catch (IOException ex) {
            // the gateway answered and closed the connection before the body was done: expected
        }
    }

    /** Status line, headers and a Content-Length body, read off a raw socket. */
    private record RawResponse(int status, List<String> headers, String body) {

        String contentType() {
            return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("-");
        }

        static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            var headers = new ArrayList<String>();
            int length = 0;
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                headers.add(line);
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
        }

        private static String line(InputStream in) throws IOException {
            var line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new IOException("connection closed after " + Arrays.toString(line.toByteArray()));
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
