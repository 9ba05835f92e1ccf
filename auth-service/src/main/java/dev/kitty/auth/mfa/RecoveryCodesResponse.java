package dev.kitty.auth.mfa;

import java.util.List;

/** Shown once: only their hashes are kept. */
record RecoveryCodesResponse(List<String> recoveryCodes) {

    @Override
    public String toString() {
        return "RecoveryCodesResponse[" + recoveryCodes.size() + " codes redacted]";
    }
}
