package dev.kitty.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends bytes exactly as given over a plain socket and reads one HTTP/1.1 response: the
 * malformed request lines, headers and paths that an HTTP client library would refuse to send
 * (or would quietly repair) are what an edge must answer well.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    /** One response: status, headers by lower-case name, body decoded as UTF-8. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    /** One hostile request and the status every Kitty edge must answer it with, as problem+json. */
    public record HostileRequest(String description, String request, int status) {}

    /**
     * The attacks every edge (each service's Tomcat and the gateway's Netty) must answer with a problem: requests
     * over the limits, malformed and encoded-traversal paths, what the firewall refuses, malformed framing and
     * malformed paths under health.
     *
     * @param collection                     an API path of the edge under test, e.g. {@code /api/users}
     * @param resource                       a path below it that exists, e.g. {@code /api/users/me}
     * @param unknownTransferEncodingStatus  RFC 9112 section 6.3 allows two answers: Tomcat says 501 (coding not
     *                                       implemented), Reactor Netty 400 (length unknowable)
     */
    public static java.util.List<HostileRequest> hostileRequests(String collection, String resource, int unknownTransferEncodingStatus) {
        return java.util.List.of(
                // over the limits (32 KB of headers; 32 KB or Netty's 4 KB request line)
                new HostileRequest("headers over the limit", get(resource, "X-Padding: " + "a".repeat(40_000)), 431),
                new HostileRequest("request line over the limit", get(collection + "/" + "a".repeat(40_000)), 414),
                // malformed paths and encoded traversal
                new HostileRequest("encoded dot segments", get(collection + "/%2e%2e/x"), 400),
                new HostileRequest("encoded dots and slash", get(collection + "/..%2f..%2fx"), 400),
                new HostileRequest("dot segments above the root", get("/.." + collection), 400),
                new HostileRequest("double slash", get("/" + collection), 400),
                new HostileRequest("path parameter", get(collection + ";jsessionid=ABC"), 400),
                new HostileRequest("encoded NUL", get(collection + "/%00"), 400),
                new HostileRequest("backslash", get(collection + "\\x"), 400),
                new HostileRequest("encoded backslash", get(collection + "/%5cx"), 400),
                new HostileRequest("encoded percent", get(collection + "/%25x"), 400),
                new HostileRequest("invalid percent-encoding", get(collection + "/%zz"), 400),
                new HostileRequest("space in the path", get(collection + "/a b"), 400),
                // what the firewall refuses
                new HostileRequest("control character in a header value", get(resource, "X-Note: a\u0001b"), 400),
                new HostileRequest("unknown method", request("FOO", resource), 501),
                new HostileRequest("TRACE", request("TRACE", resource), 405),
                // malformed framing
                new HostileRequest("garbage request line", "GARBAGE\r\n\r\n", 400),
                new HostileRequest("unsupported HTTP version", "GET " + resource + " HTTP/9.9\r\nHost: localhost\r\n\r\n", 505),
                new HostileRequest("header line without colon", get(resource, "Not a header line"), 400),
                new HostileRequest("space before the colon", get(resource, "X-Note : a"), 400),
                new HostileRequest("two Host headers", get(resource, "Host: elsewhere.example"), 400),
                new HostileRequest("no Host header", "GET " + resource + " HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
                new HostileRequest("conflicting Content-Length", request("POST", resource,
                        "Content-Type: application/json", "Content-Length: 2", "Content-Length: 3") + "{}", 400),
                new HostileRequest("unknown Transfer-Encoding", request("POST", resource,
                        "Content-Type: application/json", "Transfer-Encoding: gzip") + "{}", unknownTransferEncodingStatus),
                // the operations endpoint every edge answers publicly
                new HostileRequest("health with encoded dots", get("/actuator/health/%2e%2e"), 400),
                new HostileRequest("health with a path parameter", get("/actuator/health/;x"), 400),
                new HostileRequest("health with an encoded slash", get("/actuator/health/..%2f"), 400),
                new HostileRequest("health with a blank group", get("/actuator/health/%20"), 404));
    }

    /** {@code GET path} with {@code Host} and {@code Connection: close}, plus the given header lines. */
    public static String get(String path, String... headerLines) {
        return request("GET", path, headerLines);
    }

    /** A request without a body: {@code Host} and {@code Connection: close}, plus the given header lines. */
    public static String request(String method, String path, String... headerLines) {
        var request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        for (var line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /** Sends {@code request} (ISO-8859-1, as HTTP/1.1 framing is) to 127.0.0.1:{@code port} and reads the answer. */
    public static Response send(int port, String request) {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("No HTTP response to " + abbreviate(request), e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        var statusLine = readLine(in);
        var parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP status line: " + statusLine);
        }
        var status = Integer.parseInt(parts[1]);
        var headers = new LinkedHashMap<String, List<String>>();
        for (var line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            var colon = line.indexOf(':');
            var name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.merge(name, List.of(line.substring(colon + 1).trim()),
                    (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
        byte[] body;
        var length = Optional.ofNullable(headers.get("content-length")).map(List::getFirst).map(Integer::parseInt);
        if (length.isPresent()) {
            body = in.readNBytes(length.get());
        } else if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = readChunked(in);
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, Map.copyOf(headers), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            var sizeLine = readLine(in);
            var size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                if (line.size() == 0) {
                    throw new IOException("Connection closed before a complete response");
                }
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String request) {
        var firstLine = request.lines().findFirst().orElse("");
        return firstLine.length() > 80 ? firstLine.substring(0, 80) + "..." : firstLine;
    }
}
