package dev.kitty.auth.mfa;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * RFC 6238 TOTP as every authenticator app computes it: HMAC-SHA-1, 6 digits, 30-second steps
 * from the Unix epoch, and (§5.2) one step of tolerance either side for clock drift and typing
 * time. Which step a code matched is returned, so that the caller can refuse its replay.
 * The time always comes from the server's clock, never from the client (OWASP ASVS 5.0 6.5.8).
 */
final class Totp {

    static final String ISSUER = "Kitty";
    static final int DIGITS = 6;
    static final Duration STEP = Duration.ofSeconds(30);
    /** Steps accepted before and after the current one. */
    static final int WINDOW = 1;
    /** 32 Base32 characters = 160 bits, the HMAC-SHA-1 key length RFC 4226 §4 recommends, from a CSPRNG (ASVS 6.5.3). */
    static final int SECRET_CHARACTERS = 32;

    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");

    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(SECRET_CHARACTERS);

    String newSecret() {
        return secrets.generate();
    }

    static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP.toSeconds());
    }

    /** Whether {@code code} looks like a TOTP code at all (after removing the spaces apps show in the middle). */
    static boolean looksLikeCode(String code) {
        return CODE.matcher(normalise(code)).matches();
    }

    /**
     * The earliest step within the window around {@code now} whose code is {@code code} and that
     * comes after {@code lastUsedStep}, if any. All candidate steps are computed and compared in
     * constant time, so the answer's timing does not say which step matched.
     */
    OptionalLong matchingStep(String base32Secret, String code, Instant now, @org.jspecify.annotations.Nullable Long lastUsedStep) {
        var typed = normalise(code);
        if (!CODE.matcher(typed).matches()) {
            return OptionalLong.empty();
        }
        var current = stepAt(now);
        var typedBytes = typed.getBytes(StandardCharsets.US_ASCII);
        long matched = Long.MIN_VALUE;
        for (long step = current + WINDOW; step >= current - WINDOW; step--) {
            var matches = MessageDigest.isEqual(codeAt(base32Secret, step).getBytes(StandardCharsets.US_ASCII), typedBytes);
            var fresh = lastUsedStep == null || step > lastUsedStep;
            if (matches && fresh) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** The code of {@code step}: what an authenticator app shows during that step. */
    String codeAt(String base32Secret, long step) {
        try {
            return generator.generate(base32Secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Cannot compute a TOTP code", e);
        }
    }

    /** The Key URI authenticator apps import (otpauth://totp/…), labelled with the account's address. */
    static String otpauthUri(String base32Secret, String email) {
        return qrData(base32Secret, email).getUri();
    }

    /** The same URI as a QR code, a {@code data:image/png;base64,…} URI an {@code <img>} can show. */
    static String qrCodePng(String base32Secret, String email) {
        var generator = new ZxingPngQrGenerator();
        try {
            return Utils.getDataUriForImage(generator.generate(qrData(base32Secret, email)), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Cannot render the enrolment QR code", e);
        }
    }

    private static QrData qrData(String base32Secret, String email) {
        return new QrData.Builder()
                .label(email)
                .secret(base32Secret)
                .issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period((int) STEP.toSeconds())
                .build();
    }

    private static String normalise(String code) {
        return code.replace(" ", "");
    }
}
