-- The same tables as db/migration/postgresql/V11, for the embedded H2 default.
CREATE TABLE passkey_user_handles (
    user_id     UUID        NOT NULL,
    user_handle VARCHAR(88) NOT NULL,
    CONSTRAINT passkey_user_handles_pkey PRIMARY KEY (user_id),
    CONSTRAINT passkey_user_handles_handle_key UNIQUE (user_handle),
    CONSTRAINT passkey_user_handles_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE passkeys (
    id              UUID                     NOT NULL,
    user_id         UUID                     NOT NULL,
    credential_id   VARCHAR(1400)            NOT NULL,
    public_key_cose VARCHAR(8192)            NOT NULL,
    sign_count      BIGINT                   NOT NULL,
    transports      VARCHAR(200)             NOT NULL,
    backup_eligible BOOLEAN                  NOT NULL,
    backed_up       BOOLEAN                  NOT NULL,
    name            VARCHAR(256)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT passkeys_pkey PRIMARY KEY (id),
    CONSTRAINT passkeys_credential_id_key UNIQUE (credential_id),
    CONSTRAINT passkeys_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX passkeys_user_id_idx ON passkeys (user_id);

CREATE TABLE passkey_challenges (
    challenge  VARCHAR(88)              NOT NULL,
    purpose    VARCHAR(16)              NOT NULL,
    user_id    UUID,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT passkey_challenges_pkey PRIMARY KEY (challenge),
    CONSTRAINT passkey_challenges_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX passkey_challenges_expires_at_idx ON passkey_challenges (expires_at);
