-- TOTP second factor (RFC 6238), one per account. The seed is encrypted by the application
-- (AES-256-GCM, see dev.kitty.auth.secret.SecretCipher); enabled_at is null while enrolment is
-- pending. last_used_step is the RFC 6238 time step of the newest accepted code: a code of that
-- step or an earlier one is a replay and refused.
CREATE TABLE totp_credential
(
    account_id        UUID                     NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    secret            BYTEA                    NOT NULL,
    secret_protection TEXT                     NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    enabled_at        TIMESTAMP WITH TIME ZONE,
    last_used_step    BIGINT,
    version           BIGINT                   NOT NULL
);

-- Single-use recovery codes (120-bit lookup secrets), by SHA-256 of the normalised code.
CREATE TABLE recovery_code
(
    id         UUID                     NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    version    BIGINT                   NOT NULL,
    CONSTRAINT recovery_code_account_hash_uq UNIQUE (account_id, code_hash)
);

-- Password reset links, by SHA-256 of the 256-bit token (the token itself is never stored).
CREATE TABLE password_reset_token
(
    token_hash TEXT                     NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    version    BIGINT                   NOT NULL
);
CREATE INDEX password_reset_token_account_idx ON password_reset_token (account_id);

-- Login throttling keeps its counters in memory (see auth-service/README.md): no table.
