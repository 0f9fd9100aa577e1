-- issue 14: passkeys (WebAuthn). Binary values are kept in base64url, as WebAuthn's JSON speaks them.
-- The WebAuthn user handle of each account that has begun adding a passkey: 32 random bytes, never the username
-- or the user id (authenticators keep it and may show it).
CREATE TABLE passkey_user_handles (
    user_id     uuid        NOT NULL,
    user_handle varchar(88) NOT NULL,
    CONSTRAINT passkey_user_handles_pkey PRIMARY KEY (user_id),
    CONSTRAINT passkey_user_handles_handle_key UNIQUE (user_handle),
    CONSTRAINT passkey_user_handles_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The passkeys. sign_count is the authenticator's last signature counter (a use is stored only if the counter is
-- still what was read, so of two racing uses one wins); backup_eligible is fixed at creation, backed_up follows the
-- authenticator's flag at each use; transports is comma-separated.
CREATE TABLE passkeys (
    id              uuid          NOT NULL,
    user_id         uuid          NOT NULL,
    credential_id   varchar(1400) NOT NULL,
    public_key_cose text          NOT NULL,
    sign_count      bigint        NOT NULL,
    transports      varchar(200)  NOT NULL,
    backup_eligible boolean       NOT NULL,
    backed_up       boolean       NOT NULL,
    name            varchar(256)  NOT NULL,
    created_at      timestamptz   NOT NULL,
    last_used_at    timestamptz,
    CONSTRAINT passkeys_pkey PRIMARY KEY (id),
    CONSTRAINT passkeys_credential_id_key UNIQUE (credential_id),
    CONSTRAINT passkeys_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX passkeys_user_id_idx ON passkeys (user_id);

-- The challenges of ceremonies under way, shared by every instance. A finish consumes its challenge with one
-- conditional DELETE: of a replay or two instances racing, exactly one deletes the row. user_id is NULL for a
-- sign-in without a password. The retention purge deletes what abandoned ceremonies left.
CREATE TABLE passkey_challenges (
    challenge  varchar(88) NOT NULL,
    purpose    varchar(16) NOT NULL,
    user_id    uuid,
    expires_at timestamptz NOT NULL,
    CONSTRAINT passkey_challenges_pkey PRIMARY KEY (challenge),
    CONSTRAINT passkey_challenges_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX passkey_challenges_expires_at_idx ON passkey_challenges (expires_at);
