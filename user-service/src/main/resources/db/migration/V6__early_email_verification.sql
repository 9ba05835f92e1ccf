-- An address verified before the profile exists: auth-service announces a registration and its verification from one
-- transaction (the bootstrapped super user), and the outbox may send the two in either order (fault scenario F5).
-- The verification waits here and is applied when the registration arrives.
CREATE TABLE early_email_verification
(
    user_id UUID NOT NULL PRIMARY KEY,
    email   TEXT NOT NULL
);
