-- The links mailed to users (password reset, email confirmation), by the SHA-256 of their token: the token
-- itself is only ever in the mail. A link is spent by setting spent_at (one conditional UPDATE, so of two
-- concurrent spends exactly one wins) and kept until it expires, then the retention purge deletes it.
-- sent_to is the address the link was mailed to: a reset link works only while the account still has it,
-- a confirmation link confirms exactly that address.
CREATE TABLE link_tokens (
    token_hash varchar(64)  NOT NULL,
    -- PASSWORD_RESET or EMAIL_CONFIRMATION: a link is looked up and spent for its own purpose only.
    purpose    varchar(24)  NOT NULL,
    user_id    uuid         NOT NULL,
    sent_to    varchar(254) NOT NULL,
    issued_at  timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL,
    spent_at   timestamptz,
    CONSTRAINT link_tokens_pkey PRIMARY KEY (token_hash),
    CONSTRAINT link_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- A new reset request spends the user's older links.
CREATE INDEX link_tokens_user_id_idx ON link_tokens (user_id, purpose) WHERE spent_at IS NULL;
-- The periodic purge deletes by expiry.
CREATE INDEX link_tokens_expires_at_idx ON link_tokens (expires_at);
