package dev.kitty.auth.mfa;

/**
 * @param secret     the Base32 seed, for typing into an app by hand
 * @param otpauthUri the Key URI apps import ({@code otpauth://totp/...?secret=...&issuer=Kitty})
 * @param qrCodePng  the URI as a QR code, {@code data:image/png;base64,...}
 */
record TotpEnrolmentResponse(String secret, String otpauthUri, String qrCodePng) {

    static TotpEnrolmentResponse from(TotpEnrolment.Enrolment enrolment) {
        return new TotpEnrolmentResponse(enrolment.secret(), enrolment.otpauthUri(), enrolment.qrCodePng());
    }

    @Override
    public String toString() {
        return "TotpEnrolmentResponse[secret redacted]";
    }
}
