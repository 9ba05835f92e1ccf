package dev.kitty.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TotpTests {

    /** RFC 6238 Appendix B: the ASCII seed "12345678901234567890" in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final Instant NOW = Instant.parse("2026-03-14T15:09:26Z");

    private final Totp totp = new Totp();

    /** RFC 6238 Appendix B (SHA-1 rows), last six digits: the code every authenticator app shows. */
    @ParameterizedTest(name = "RFC 6238 Appendix B: T={0}s -> {1}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037",
            "20000000000, 353130"})
    void computesTheRfc6238TestVectors(long epochSeconds, String code) {
        assertThat(totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(epochSeconds)))).isEqualTo(code);
        assertThat(totp.matchingStep(RFC_SECRET, code, Instant.ofEpochSecond(epochSeconds), null)).isPresent();
    }

    static Stream<Arguments> window() {
        return Stream.of(
                Arguments.of(-2, false), Arguments.of(-1, true), Arguments.of(0, true), Arguments.of(1, true), Arguments.of(2, false));
    }

    /** RFC 6238 §5.2 (one step of tolerance each way) and §4 (30-second steps); OWASP ASVS 5.0 6.5.5 (short TOTP lifetime). */
    @ParameterizedTest(name = "RFC 6238 §5.2: code of step now{0} accepted: {1}")
    @MethodSource("window")
    void acceptsOneStepEitherSideAndNoMore(int offset, boolean accepted) {
        var current = Totp.stepAt(NOW);
        var code = totp.codeAt(RFC_SECRET, current + offset);

        var matched = totp.matchingStep(RFC_SECRET, code, NOW, null);

        assertThat(matched.isPresent()).isEqualTo(accepted);
        if (accepted) {
            assertThat(matched.getAsLong()).isEqualTo(current + offset);
        }
    }

    static Stream<Arguments> replays() {
        // lastUsedStep relative to now, offset of the presented code, accepted?
        return Stream.of(
                Arguments.of(0, 0, false),
                Arguments.of(0, -1, false),
                Arguments.of(0, 1, true),
                Arguments.of(-1, 0, true),
                Arguments.of(-1, -1, false),
                Arguments.of(1, 1, false),
                Arguments.of(1, 0, false));
    }

    /** RFC 6238 §5.2 ("MUST NOT accept the second attempt of the same OTP"); OWASP ASVS 5.0 6.5.1 (TOTPs usable once). */
    @ParameterizedTest(name = "RFC 6238 §5.2: last used step now{0}, code of step now{1} accepted: {2}")
    @MethodSource("replays")
    void refusesTheStepLastUsedAndEveryEarlierOne(int lastUsed, int offset, boolean accepted) {
        var current = Totp.stepAt(NOW);
        var code = totp.codeAt(RFC_SECRET, current + offset);

        assertThat(totp.matchingStep(RFC_SECRET, code, NOW, current + lastUsed).isPresent()).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @CsvSource(value = {"''", "12345", "1234567", "abcdef", "12345a", "'١٢٣٤٥٦'", "' '"}, emptyValue = "")
    void refusesWhatIsNotASixDigitCode(String code) {
        assertThat(totp.matchingStep(RFC_SECRET, code, NOW, null)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void toleratesTheSpaceAppsShowInTheMiddle() {
        var code = totp.codeAt(RFC_SECRET, Totp.stepAt(NOW));

        assertThat(totp.matchingStep(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), NOW, null)).isPresent();
    }

    /** OWASP ASVS 5.0 6.5.3: seeds from a CSPRNG, 160 bits as RFC 4226 §4 recommends. */
    @Test
    void generatesDistinct160BitSeeds() {
        var first = totp.newSecret();
        var second = totp.newSecret();

        assertThat(first).hasSize(32).matches("[A-Z2-7]{32}").isNotEqualTo(second);
    }

    @Test
    void describesTheSeedAsAKeyUriForAuthenticatorApps() {
        var uri = URI.create(Totp.otpauthUri(RFC_SECRET, "ann@example.com"));

        assertThat(uri.getScheme()).isEqualTo("otpauth");
        assertThat(uri.getHost()).isEqualTo("totp");
        assertThat(uri.getPath()).isEqualTo("/ann@example.com");
        assertThat(uri.getQuery()).contains("secret=" + RFC_SECRET, "issuer=Kitty", "algorithm=SHA1", "digits=6", "period=30");
    }

    @Test
    void drawsTheKeyUriAsAPngQrCode() throws Exception {
        var dataUri = Totp.qrCodePng(RFC_SECRET, "ann@example.com");

        assertThat(dataUri).startsWith("data:image/png;base64,");
        var png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
        assertThat(decoded.getText()).isEqualTo(Totp.otpauthUri(RFC_SECRET, "ann@example.com"));
    }
}
