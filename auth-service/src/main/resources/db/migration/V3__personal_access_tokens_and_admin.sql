-- Personal access tokens: kitty_pat_<lookup_id>_<secret>. Only SHA-256(lookup_id:secret) is kept;
-- the secret has 256 random bits, so a slow hash would add cost without adding safety (auth-service README).
CREATE TABLE personal_access_token
(
    id           UUID                     NOT NULL PRIMARY KEY,
    account_id   UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         TEXT                     NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
    lookup_id    TEXT                     NOT NULL UNIQUE CHECK (lookup_id ~ '^[0-9a-f]{16}$'),
    secret_hash  TEXT                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    version      BIGINT                   NOT NULL,
    CONSTRAINT personal_access_token_expires_after_creation CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX personal_access_token_account_idx ON personal_access_token (account_id);

-- Administration: the user list is paged by creation time; "is there a SUPER_USER?" is asked at every start.
CREATE INDEX account_created_idx ON account (created_at, id);
CREATE INDEX account_role_role_idx ON account_role (role);

-- Key rotation: when a key started and stopped signing. A key that is neither active nor
-- activated yet is the pre-published next key; one deactivated longer ago than an access
-- token lives (plus clock skew) is retired and leaves the JWKS.
ALTER TABLE signing_key
    ADD COLUMN activated_at   TIMESTAMP WITH TIME ZONE,
    ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;
-- until now every key was created active
UPDATE signing_key SET activated_at = created_at;
UPDATE signing_key SET deactivated_at = now() WHERE NOT active AND retired_at IS NULL;
UPDATE signing_key SET deactivated_at = retired_at WHERE retired_at IS NOT NULL;
ALTER TABLE signing_key
    ADD CONSTRAINT signing_key_active_since CHECK (NOT active OR activated_at IS NOT NULL),
    ADD CONSTRAINT signing_key_deactivated_after_activation CHECK (deactivated_at IS NULL OR activated_at IS NOT NULL);
