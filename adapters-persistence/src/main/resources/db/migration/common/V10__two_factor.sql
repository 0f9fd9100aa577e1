-- Issue 14: the authenticator app (TOTP) and recovery codes. The same statements for PostgreSQL and H2.
-- sealed_secret: the app's secret encrypted with AES-256-GCM under vestibule.two-factor.encryption-key (the key id is
-- part of the value, "v1.<key id>.<nonce and ciphertext>"), the user id bound in: the database never sees the secret.
-- last_used_step: the RFC 6238 time step of the last code accepted; a code is accepted only for a later step, by one
-- conditional UPDATE, so a code works once even when two instances are given it at the same moment.
CREATE TABLE authenticator_apps (
    user_id        UUID                     NOT NULL,
    sealed_secret  VARCHAR(200)             NOT NULL,
    enabled_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_step BIGINT                   NOT NULL,
    CONSTRAINT authenticator_apps_pkey PRIMARY KEY (user_id),
    CONSTRAINT authenticator_apps_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The unused recovery codes, by SHA-256 (hex) only: the codes themselves are shown once and never stored. A code is
-- spent by deleting its row (one conditional DELETE); a new set deletes every earlier row.
CREATE TABLE recovery_codes (
    user_id    UUID                     NOT NULL,
    code_hash  VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recovery_codes_pkey PRIMARY KEY (user_id, code_hash),
    CONSTRAINT recovery_codes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
