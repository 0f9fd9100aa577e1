-- The same schema as db/migration/postgresql, for the embedded H2 default. H2 has no expression
-- indexes, so case-insensitive uniqueness is a unique constraint on generated lower-case columns;
-- the constraint names match PostgreSQL's index names, which R2dbcUserRepository relies on.

CREATE TABLE users (
    id             UUID                     NOT NULL,
    username       VARCHAR(32)              NOT NULL,
    email          VARCHAR(254)             NOT NULL,
    password_hash  VARCHAR(512),
    active         BOOLEAN DEFAULT TRUE     NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    username_lower VARCHAR(32)  GENERATED ALWAYS AS (LOWER(username)),
    email_lower    VARCHAR(254) GENERATED ALWAYS AS (LOWER(email)),
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_username_key UNIQUE (username_lower),
    CONSTRAINT users_email_key UNIQUE (email_lower)
);

CREATE TABLE external_identities (
    provider VARCHAR(64)  NOT NULL,
    subject  VARCHAR(255) NOT NULL,
    user_id  UUID         NOT NULL,
    CONSTRAINT external_identities_pkey PRIMARY KEY (provider, subject),
    CONSTRAINT external_identities_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX external_identities_user_id_idx ON external_identities (user_id);

CREATE TABLE remembered_devices (
    series               VARCHAR(64)              NOT NULL,
    user_id              UUID                     NOT NULL,
    secret_hash          VARCHAR(64)              NOT NULL,
    previous_secret_hash VARCHAR(64),
    rotated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT remembered_devices_pkey PRIMARY KEY (series),
    CONSTRAINT remembered_devices_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX remembered_devices_user_id_idx ON remembered_devices (user_id);
CREATE INDEX remembered_devices_expires_at_idx ON remembered_devices (expires_at);
