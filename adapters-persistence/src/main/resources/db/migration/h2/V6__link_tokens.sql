-- The same table as db/migration/postgresql/V6, for the embedded H2 default (no partial indexes in H2).
CREATE TABLE link_tokens (
    token_hash VARCHAR(64)              NOT NULL,
    purpose    VARCHAR(24)              NOT NULL,
    user_id    UUID                     NOT NULL,
    sent_to    VARCHAR(254)             NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT link_tokens_pkey PRIMARY KEY (token_hash),
    CONSTRAINT link_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX link_tokens_user_id_idx ON link_tokens (user_id, purpose);
CREATE INDEX link_tokens_expires_at_idx ON link_tokens (expires_at);
