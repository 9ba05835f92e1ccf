package dev.kitty.system.security;

import static dev.kitty.system.security.KittyClient.basic;
import static dev.kitty.system.security.KittyClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.devstack.RunningStack;
import dev.kitty.devstack.Service;
import dev.kitty.system.SharedStack;
import dev.kitty.system.security.KittyClient.Account;
import dev.kitty.system.security.KittyClient.Response;
import dev.kitty.system.security.KittyClient.Tokens;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Attacks on sessions and credentials through the gateway: refresh-token reuse and races, TOTP replay, brute
 * force, account enumeration, revoked personal access tokens, Basic with a password on a 2FA account, long
 * passwords and client-sent identity headers. Each display name names the rule it checks.
 */
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith({SharedStack.class, SharedStack.LogTailsOnFailure.class})
class CredentialAttackIT {

    private static final String PROBLEMS = "https://kitty.dev/problems/";

    /** Issue 6: revocation reaches every service and the gateway's cache this fast, not at token expiry. */
    private static final Duration REVOCATION_WITHIN = Duration.ofSeconds(3);

    static KittyClient kitty;

    @BeforeAll
    static void client(RunningStack stack) {
        kitty = new KittyClient(stack);
    }

    @Test
    @DisplayName("[ASVS 7.4.4, API2:2023] a refresh token used twice → 401, and its whole family is revoked")
    void aReusedRefreshTokenRevokesItsFamily() {
        Account account = kitty.register("reuse");
        Tokens first = kitty.login(account);

        Response rotated = kitty.refresh(first.refreshToken());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        Tokens second = KittyClient.tokens(rotated);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());

        assertRefused(kitty.refresh(first.refreshToken()), 401);
        // the thief may hold the newer one: reuse detection ends the whole family
        assertRefused(kitty.refresh(second.refreshToken()), 401);
    }

    @Test
    @DisplayName("[ASVS 7.4.4, API2:2023] two concurrent refreshes with one token → at most one 200, never a 5xx")
    void twoConcurrentRefreshesWithOneTokenWinAtMostOnce() throws Exception {
        Account account = kitty.register("race");
        Tokens tokens = kitty.login(account);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Response> refresh = () -> {
            start.await();
            return kitty.refresh(tokens.refreshToken());
        };

        List<Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Response>> futures = List.of(pool.submit(refresh), pool.submit(refresh));
            start.countDown();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(responses).as(responses.toString()).allSatisfy(r -> assertThat(r.status()).isIn(200, 401, 409));
        assertThat(responses.stream().filter(r -> r.status() == 200).count()).as(responses.toString()).isLessThanOrEqualTo(1);
        responses.stream().filter(r -> r.status() != 200).forEach(r -> assertThat(r.isProblem()).as(r.toString()).isTrue());
    }

    @Test
    @DisplayName("[RFC 6238 §5.2, ASVS 6.5.1/6.6.3] TOTP: no code → 401 mfa-required; a fresh code → 200; the same code again → 401; a code two steps away → 401")
    void totpCodesAreRequiredSingleUseAndOnlyValidWithinOneStep() throws Exception {
        Account account = kitty.register("totp");
        String secret = enrolTotp(account, kitty.login(account).accessToken());

        Response noCode = kitty.loginResponse(account.email(), account.password(), "");
        assertRefused(noCode, 401);
        assertThat(noCode.problemType()).endsWith("mfa-required");

        String code = codeAt(secret, Instant.now());
        Response withCode = kitty.loginResponse(account.email(), account.password(), ",\"otp\":\"" + code + "\"");
        assertThat(withCode.status()).as(withCode.toString()).isEqualTo(200);
        assertThat(KittyClient.claims(KittyClient.tokens(withCode).accessToken()).path("amr").toString()).contains("otp");

        assertRefused(kitty.loginResponse(account.email(), account.password(), ",\"otp\":\"" + code + "\""), 401);

        String twoStepsAhead = codeAt(secret, Instant.now().plusSeconds(60));
        assertRefused(kitty.loginResponse(account.email(), account.password(), ",\"otp\":\"" + twoStepsAhead + "\""), 401);
    }

    @Test
    @DisplayName("[ASVS 6.3.1 (no password-only bypass of 2FA), API2:2023] Basic with the password of a 2FA account → 401 mfa-required; of a non-2FA account → 200")
    void basicWithAPasswordWorksOnlyWithout2fa() throws Exception {
        Account plain = kitty.register("basic");
        kitty.awaitProfile(kitty.login(plain).accessToken());
        Response ok = kitty.me(basic(plain.email(), plain.password()));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("id").asString()).isEqualTo(plain.id().toString());

        Account protectedByTotp = kitty.register("basic-2fa");
        String access = kitty.login(protectedByTotp).accessToken();
        kitty.awaitProfile(access);
        enrolTotp(protectedByTotp, access);

        Response refused = kitty.me(basic(protectedByTotp.email(), protectedByTotp.password()));
        assertRefused(refused, 401);
        assertThat(refused.problemType()).endsWith("mfa-required");
        assertThat(refused.body()).doesNotContain(protectedByTotp.displayName());
    }

    @Test
    @DisplayName("[ASVS 6.3.1 / 6.1.1, API2:2023, API4:2023] repeated wrong passwords for one account → 429 with Retry-After, even for the right password")
    void bruteForceOnOneAccountIsThrottled() {
        Account account = kitty.register("brute");
        Response last = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            last = kitty.loginResponse(account.email(), "wrong password number " + attempt, "");
            if (last.status() == 429) {
                break;
            }
            assertRefused(last, 401);
        }
        assertThat(last).isNotNull();
        assertRefused(last, 429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());

        Response rightPassword = kitty.loginResponse(account.email(), account.password(), "");
        assertRefused(rightPassword, 429);
        assertThat(rightPassword.body()).doesNotContain("access_token");
    }

    @Test
    @DisplayName("[ASVS 6.3.8, API2:2023] login with an unknown email and with a wrong password: identical status and body, similar time")
    void loginDoesNotRevealWhichAccountsExist() {
        List<Account> known = Stream.generate(() -> kitty.register("enum-login")).limit(3).toList();

        Response wrongPassword = kitty.loginResponse(known.get(0).email(), "not the password at all", "");
        Response unknownEmail = kitty.loginResponse(KittyClient.newEmail("nobody"), "not the password at all", "");
        assertRefused(wrongPassword, 401);
        assertSameAnswer(wrongPassword, unknownEmail);

        List<Supplier<Response>> knownAttempts = known.stream().<Supplier<Response>>map(
                a -> () -> kitty.loginResponse(a.email(), "still not the password", "")).toList();
        List<Supplier<Response>> unknownAttempts = Stream.<Supplier<Response>>generate(
                () -> () -> kitty.loginResponse(KittyClient.newEmail("nobody"), "still not the password", "")).limit(3).toList();
        assertSimilarTiming(knownAttempts, unknownAttempts);
    }

    @Test
    @DisplayName("[ASVS 6.3.8, API2:2023] password/forgot for an unknown and a known email: identical 202, similar time")
    void passwordForgotDoesNotRevealWhichAccountsExist() {
        List<Account> known = Stream.generate(() -> kitty.register("enum-forgot")).limit(3).toList();

        Response forKnown = forgot(known.get(0).email());
        Response forUnknown = forgot(KittyClient.newEmail("nobody"));
        assertThat(forKnown.status()).as(forKnown.toString()).isEqualTo(202);
        assertSameAnswer(forKnown, forUnknown);

        assertSimilarTiming(
                known.stream().<Supplier<Response>>map(a -> () -> forgot(a.email())).toList(),
                Stream.<Supplier<Response>>generate(() -> () -> forgot(KittyClient.newEmail("nobody"))).limit(3).toList());
    }

    @Test
    @DisplayName("[ASVS 6.3.8, API2:2023] registering a taken email → 409 problem that shows nothing of the account")
    void registeringATakenEmailIsA409ProblemOnly() {
        Account taken = kitty.register("taken");

        Response again = kitty.post(kitty.gateway() + "/api/auth/register", """
                {"email":"%s","password":"%s","displayName":"Someone Else"}""".formatted(
                taken.email().toUpperCase(Locale.ROOT), KittyClient.newPassword()));

        assertRefused(again, 409);
        assertThat(again.body()).doesNotContain(taken.id().toString(), taken.displayName());
    }

    @Test
    @DisplayName("[ASVS 7.4.1 / 6.4, API2:2023] a revoked PAT stops working through the gateway within seconds, cached or not")
    void aRevokedPersonalAccessTokenStopsWorkingWithinSeconds() {
        Account account = kitty.register("pat");
        String access = kitty.login(account).accessToken();
        kitty.awaitProfile(access);
        Response created = kitty.send("POST", kitty.gateway() + "/api/auth/tokens", bearer(access), "{\"name\":\"ci\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String pat = created.json().path("token").asString();
        String patId = created.json().path("id").asString();
        Response viaPat = kitty.me(basic(account.email(), pat));
        assertThat(viaPat.status()).as(viaPat.toString()).isEqualTo(200);
        assertThat(viaPat.json().path("id").asString()).isEqualTo(account.id().toString());
        assertThat(kitty.me(basic(account.email(), pat)).status()).as("now served from the gateway's cache").isEqualTo(200);

        Response revoked = kitty.send("DELETE", kitty.gateway() + "/api/auth/tokens/" + patId, bearer(access), null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        Duration delay = untilRefused("revoked PAT via Basic (cached)", () -> kitty.me(basic(account.email(), pat)));

        assertThat(delay).isLessThan(REVOCATION_WITHIN);
        Response uncached = kitty.me(basic(account.email().toUpperCase(Locale.ROOT), pat));
        assertRefused(uncached, 401);
        assertThat(uncached.body()).doesNotContain(account.displayName());
        assertThat(kitty.me(bearer(access)).status()).as("the password session is untouched").isEqualTo(200);
    }

    @Test
    @DisplayName("[ASVS 7.4.3] a password change ends the other sessions' access tokens and cached Basic credentials within seconds, not the caller's")
    void aPasswordChangeEndsOtherSessionsWithinSeconds() {
        Account account = kitty.register("change");
        String elsewhere = kitty.login(account).accessToken();
        String mine = kitty.login(account).accessToken();
        kitty.awaitProfile(mine);
        assertThat(kitty.me(basic(account.email(), account.password())).status()).isEqualTo(200);
        assertThat(kitty.me(bearer(elsewhere)).status()).isEqualTo(200);

        Response changed = kitty.send("POST", kitty.gateway() + "/api/auth/password/change", bearer(mine),
                "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(account.password(), KittyClient.newPassword()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertThat(untilRefused("old password via Basic (cached)", () -> kitty.me(basic(account.email(), account.password()))))
                .isLessThan(REVOCATION_WITHIN);
        assertThat(untilRefused("another session's access token", () -> kitty.me(bearer(elsewhere)))).isLessThan(REVOCATION_WITHIN);
        assertThat(kitty.me(bearer(mine)).status()).as("the caller's own session").isEqualTo(200);
    }

    @Test
    @DisplayName("[ASVS 7.4.1, API2:2023] a locked account's unexpired access token is refused by every service within seconds, through the gateway and directly")
    void aLockedAccountsAccessTokenIsRefusedEverywhereWithinSeconds() {
        Account victim = kitty.register("locked");
        String access = kitty.login(victim).accessToken();
        kitty.awaitProfile(access);
        String superToken = kitty.login(new Account(UUID.randomUUID(), SharedStack.SUPER_USER_EMAIL, SharedStack.SUPER_USER_PASSWORD,
                "root")).accessToken();

        Response locked = kitty.send("POST", kitty.gateway() + "/api/admin/users/" + victim.id() + "/lock", bearer(superToken), null);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(204);

        assertThat(untilRefused("through the gateway (user-service)", () -> kitty.me(bearer(access)))).isLessThan(REVOCATION_WITHIN);
        assertThat(untilRefused("user-service directly", () -> kitty.get(kitty.service(Service.USER) + "/api/users/me", bearer(access))))
                .isLessThan(REVOCATION_WITHIN);
        assertThat(untilRefused("auth-service directly", () -> kitty.get(kitty.service(Service.AUTH) + "/api/auth/tokens", bearer(access))))
                .isLessThan(REVOCATION_WITHIN);
    }

    @Test
    @DisplayName("[ASVS 6.4] a PAT through the gateway cannot manage credentials: 2FA, password, tokens → 403 interactive-login-required")
    void aPersonalAccessTokenCannotTakeOverTheAccount() {
        Account account = kitty.register("takeover");
        String access = kitty.login(account).accessToken();
        kitty.awaitProfile(access);
        String pat = kitty.send("POST", kitty.gateway() + "/api/auth/tokens", bearer(access), "{\"name\":\"ci\"}").json().path("token").asString();

        for (String[] attempt : new String[][] {
                {"POST", "/api/auth/mfa/totp", null},
                {"POST", "/api/auth/mfa/totp/confirm", "{\"code\":\"123456\"}"},
                {"POST", "/api/auth/password/change", "{\"currentPassword\":\"x\",\"newPassword\":\"violet-harbour-kettle-99\"}"},
                {"POST", "/api/auth/tokens", "{\"name\":\"more\"}"},
                {"GET", "/api/auth/tokens", null}}) {
            Response refused = kitty.send(attempt[0], kitty.gateway() + attempt[1], basic(account.email(), pat), attempt[2]);
            assertRefused(refused, 403);
            assertThat(refused.problemType()).as(attempt[0] + " " + attempt[1]).isEqualTo(PROBLEMS + "interactive-login-required");
        }
        assertThat(kitty.login(account).accessToken()).as("2FA was not switched on behind the owner's back").isNotBlank();
    }

    @Test
    @DisplayName("[API8:2023, issue 6] the credential exchange is not public: 404 through the gateway, 401 invalid-client at auth-service without the gateway's credential")
    void theCredentialExchangeIsTheGatewaysAlone() {
        Account account = kitty.register("exchange");
        String body = "{\"email\":\"%s\",\"secret\":\"%s\"}".formatted(account.email(), account.password());

        assertRefused(kitty.post(kitty.gateway() + "/api/auth/exchange", body), 404);
        Response direct = kitty.post(kitty.service(Service.AUTH) + "/api/auth/exchange", body);
        assertRefused(direct, 401);
        assertThat(direct.problemType()).isEqualTo(PROBLEMS + "invalid-client");
        assertThat(direct.body()).doesNotContain("access_token");
    }

    /** Polls until the call is refused with 401, and returns how long that took. */
    private static Duration untilRefused(String what, Supplier<Response> call) {
        long start = System.nanoTime();
        while (true) {
            Response response = call.get();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (response.status() == 401) {
                assertThat(response.isProblem()).as(response.toString()).isTrue();
                System.out.printf("[revocation] %s refused %d ms after the revocation answered%n", what, elapsed.toMillis());
                return elapsed;
            }
            assertThat(response.status()).as(what + ": " + response).isEqualTo(200);
            if (elapsed.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new AssertionError(what + " still accepted " + elapsed.toMillis() + " ms after the revocation");
            }
            KittyClient.sleep(Duration.ofMillis(20));
        }
    }

    @Test
    @DisplayName("[ASVS 6.2.x (no silent truncation), API8:2023] a 100-char password: its first 72 bytes → 401, the whole → 200; 5,000 chars → 400, never 500")
    void longPasswordsAreNeitherTruncatedNorACrash() {
        String longPassword = ("correct horse battery staple " + UUID.randomUUID() + " ").repeat(3).substring(0, 100);
        Account account = kitty.register(KittyClient.newEmail("long"), longPassword);

        assertRefused(kitty.loginResponse(account.email(), longPassword.substring(0, 72), ""), 401);
        Response whole = kitty.loginResponse(account.email(), longPassword, "");
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);

        String huge = "x" + UUID.randomUUID() + "y".repeat(5000);
        Response register = kitty.post(kitty.gateway() + "/api/auth/register", """
                {"email":"%s","password":"%s","displayName":"Huge"}""".formatted(KittyClient.newEmail("huge"), huge.substring(0, 5000)));
        assertRefused(register, 400);
        Response login = kitty.loginResponse(account.email(), huge.substring(0, 5000), "");
        assertThat(login.status()).as(login.toString()).isIn(400, 401);
        assertThat(login.isProblem()).isTrue();
    }

    static Stream<String> identityHeaders() {
        return Stream.of("X-User-Id", "X-Forwarded-User", "X-Auth-User-Id", "X-Remote-User", "X-User");
    }

    @ParameterizedTest(name = "[API1:2023, ASVS 8.2.2] client-sent {0} with another user''s id is ignored → your own profile")
    @MethodSource("identityHeaders")
    void clientSentIdentityHeadersAreIgnored(String header) {
        Account me = kitty.register("me");
        Account other = kitty.register("other");
        String access = kitty.login(me).accessToken();
        kitty.awaitProfile(access);

        for (Map<String, String> credentials : List.of(bearer(access), basic(me.email(), me.password()))) {
            Map<String, String> headers = new HashMap<>(credentials);
            headers.put(header, other.id().toString());
            Response response = kitty.me(headers);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("id").asString()).isEqualTo(me.id().toString());
            assertThat(response.body()).doesNotContain(other.email());
        }
    }

    private static String enrolTotp(Account account, String access) throws CodeGenerationException {
        Response enrolment = kitty.send("POST", kitty.gateway() + "/api/auth/mfa/totp", bearer(access), null);
        assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(200);
        String secret = enrolment.json().path("secret").asString();
        // confirm with the previous step's code, so that the current step's code is still unused for the login
        Response confirmed = kitty.send("POST", kitty.gateway() + "/api/auth/mfa/totp/confirm", bearer(access),
                "{\"code\":\"" + codeAt(secret, Instant.now().minusSeconds(30)) + "\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("recoveryCodes").size()).isEqualTo(10);
        return secret;
    }

    private static String codeAt(String secret, Instant time) throws CodeGenerationException {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, Math.floorDiv(time.getEpochSecond(), 30));
    }

    private static Response forgot(String email) {
        return kitty.post(kitty.gateway() + "/api/auth/password/forgot", "{\"email\":\"" + email + "\"}");
    }

    private static void assertRefused(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
    }

    /** Same status, same body, apart from members that name this very request. */
    private static void assertSameAnswer(Response a, Response b) {
        assertThat(b.status()).as(b.toString()).isEqualTo(a.status());
        assertThat(withoutRequestMembers(b)).as(b.toString()).isEqualTo(withoutRequestMembers(a));
    }

    private static JsonNode withoutRequestMembers(Response response) {
        if (response.body().isBlank()) {
            return KittyClient.json.createObjectNode();
        }
        JsonNode body = response.json();
        if (body instanceof tools.jackson.databind.node.ObjectNode object) {
            object.remove(List.of("instance", "traceId", "requestId", "timestamp"));
        }
        return body;
    }

    /** Medians of interleaved calls: robust enough on two loaded cores. */
    private static void assertSimilarTiming(List<Supplier<Response>> known, List<Supplier<Response>> unknown) {
        List<Long> knownMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            knownMillis.add(millis(known.get(i)));
            unknownMillis.add(millis(unknown.get(i)));
        }
        long difference = Math.abs(median(knownMillis) - median(unknownMillis));
        assertThat(difference).as("median ms known %s vs unknown %s", knownMillis, unknownMillis).isLessThan(150);
    }

    private static long millis(Supplier<Response> call) {
        long start = System.nanoTime();
        Response response = call.get();
        assertThat(response.status()).as(response.toString()).isLessThan(500);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
