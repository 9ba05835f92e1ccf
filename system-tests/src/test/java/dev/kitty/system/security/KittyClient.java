package dev.kitty.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.devstack.RunningStack;
import dev.kitty.devstack.Service;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running stack like a client: through the gateway, or straight to one service's port. */
public final class KittyClient {

    public static final JsonMapper json = JsonMapper.builder().build();

    private static final Duration ASYNC_WITHIN = Duration.ofSeconds(45);
    private static final Pattern VERIFICATION_CODE = Pattern.compile("Or enter this code: (\\S+)");

    private final RunningStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public KittyClient(RunningStack stack) {
        this.stack = stack;
    }

    public String gateway() {
        return stack.gatewayUrl();
    }

    /** A service's own port, bypassing the gateway (services validate tokens themselves). */
    public String service(Service service) {
        return "http://127.0.0.1:" + stack.config().ports().port(service);
    }

    /** auth-service's own port, bypassing the gateway (services validate tokens themselves). */
    public String authService() {
        return "http://127.0.0.1:" + stack.config().ports().port(Service.AUTH);
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return KittyClient.json.readTree(body);
        }

        public boolean isProblem() {
            return headers.firstValue("Content-Type").filter(type -> type.startsWith("application/problem+json")).isPresent();
        }

        public String problemType() {
            return json().path("type").asString();
        }

        @Override
        public String toString() {
            return status + " " + headers.firstValue("Content-Type").orElse("-") + " " + body;
        }
    }

    public record Account(UUID id, String email, String password, String displayName) {}

    public record Tokens(String accessToken, String refreshToken) {}

    public Response send(String method, String url, Map<String, String> headers, @org.jspecify.annotations.Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        // no retry on 502/503/504: the stack starts only once every service and the gateway report ready
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Response get(String url, Map<String, String> headers) {
        return send("GET", url, headers, null);
    }

    public Response post(String url, String body) {
        return send("POST", url, Map.of(), body);
    }

    public Response me(Map<String, String> headers) {
        return get(gateway() + "/api/users/me", headers);
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public static Map<String, String> basic(String email, String secret) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((email + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    public static String newEmail(String purpose) {
        return purpose + "-" + UUID.randomUUID() + "@system-tests.kitty.test";
    }

    /** A password that passes the policy: long, not a common one, unique per call. */
    public static String newPassword() {
        return "violet harbour " + UUID.randomUUID().toString().substring(0, 13) + " lantern";
    }

    public Account register(String purpose) {
        return register(newEmail(purpose), newPassword());
    }

    public Account register(String email, String password) {
        String displayName = "Attack " + email.substring(0, email.indexOf('-') > 0 ? email.indexOf('-') : 5);
        Response registered = post(gateway() + "/api/auth/register", """
                {"email":"%s","password":"%s","displayName":"%s"}""".formatted(email, password, displayName));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new Account(UUID.fromString(registered.json().path("userId").asString()), email, password, displayName);
    }

    public Response loginResponse(String email, String password, String extraJson) {
        return post(gateway() + "/api/auth/login", """
                {"email":"%s","password":"%s"%s}""".formatted(email, password, extraJson));
    }

    public Tokens login(Account account) {
        Response response = loginResponse(account.email(), account.password(), "");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return tokens(response);
    }

    public static Tokens tokens(Response response) {
        JsonNode body = response.json();
        return new Tokens(body.path("access_token").asString(), body.path("refresh_token").asString());
    }

    public Response refresh(String refreshToken) {
        return post(gateway() + "/api/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    /** The profile is created from the UserRegistered event: asynchronous by design. */
    public void awaitProfile(String accessToken) {
        long deadline = System.nanoTime() + ASYNC_WITHIN.toNanos();
        while (true) {
            Response response = me(bearer(accessToken));
            if (response.status() == 200) {
                return;
            }
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(System.nanoTime()).as("profile created within " + ASYNC_WITHIN).isLessThan(deadline);
            sleep(Duration.ofMillis(300));
        }
    }

    /** The code from the verification mail notification-service sent to the address. */
    public String awaitVerificationCode(String email) {
        long deadline = System.nanoTime() + ASYNC_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : stack.mail().receivedMessages()) {
                Optional<String> code = addressedTo(message, email).flatMap(KittyClient::verificationCode);
                if (code.isPresent()) {
                    return code.get();
                }
            }
            sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("no verification mail to " + email + " within " + ASYNC_WITHIN);
    }

    private static Optional<MimeMessage> addressedTo(MimeMessage message, String email) {
        try {
            var recipients = message.getRecipients(Message.RecipientType.TO);
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().contains(email))
                    ? Optional.of(message) : Optional.empty();
        } catch (jakarta.mail.MessagingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> verificationCode(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text && part.isMimeType("text/plain")) {
                Matcher matcher = VERIFICATION_CODE.matcher(text);
                return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
            }
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<String> code = verificationCode(multipart.getBodyPart(i));
                    if (code.isPresent()) {
                        return code;
                    }
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The claims of a JWT, read without verifying (the tests only need to know their own token's contents). */
    public static JsonNode claims(String jwt) {
        return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
