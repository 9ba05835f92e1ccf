-- Credentials and system standing of each user; id = the user id all services share.
CREATE TABLE account
(
    id             UUID                     NOT NULL PRIMARY KEY,
    email          TEXT                     NOT NULL,
    password_hash  TEXT                     NOT NULL,
    status         TEXT                     NOT NULL CHECK (status IN ('ACTIVE', 'LOCKED')),
    email_verified BOOLEAN                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL,
    -- the application stores addresses trimmed and lower-cased; the database insists
    CONSTRAINT account_email_normalised CHECK (email = lower(btrim(email)) AND email <> '')
);
CREATE UNIQUE INDEX account_email_uq ON account (lower(email));

CREATE TABLE account_role
(
    account_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('USER', 'ADMIN', 'SUPER_USER')),
    PRIMARY KEY (account_id, role)
);

-- Single-use email verification links, by SHA-256 of the token (the token itself is never stored).
CREATE TABLE email_verification_token
(
    token_hash TEXT                     NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    email      TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    version    BIGINT                   NOT NULL
);
CREATE INDEX email_verification_token_account_idx ON email_verification_token (account_id);

-- Refresh tokens by SHA-256; one family per login, rotated on every use, revoked as a whole on reuse.
CREATE TABLE refresh_token
(
    id                     UUID                     NOT NULL PRIMARY KEY,
    account_id             UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    family_id              UUID                     NOT NULL,
    token_hash             TEXT                     NOT NULL UNIQUE,
    authentication_methods TEXT                     NOT NULL,
    issued_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at                TIMESTAMP WITH TIME ZONE,
    revoked_at             TIMESTAMP WITH TIME ZONE,
    version                BIGINT                   NOT NULL
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_account_idx ON refresh_token (account_id);

-- Token signing keys. Private parts are encrypted by the application (docs/adr/0001).
CREATE TABLE signing_key
(
    kid                    TEXT                     NOT NULL PRIMARY KEY,
    algorithm              TEXT                     NOT NULL,
    public_key             BYTEA                    NOT NULL,
    private_key            BYTEA                    NOT NULL,
    private_key_protection TEXT                     NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    active                 BOOLEAN                  NOT NULL,
    retired_at             TIMESTAMP WITH TIME ZONE,
    version                BIGINT                   NOT NULL,
    CONSTRAINT signing_key_active_not_retired CHECK (NOT (active AND retired_at IS NOT NULL))
);
-- at most one key signs at any time, even with several instances starting at once
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (active) WHERE active;
