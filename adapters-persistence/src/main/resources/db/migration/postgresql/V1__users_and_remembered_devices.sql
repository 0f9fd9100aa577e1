-- Constraint and index names are part of the contract: R2dbcUserRepository reads them from
-- unique-violation messages to tell a taken username from a taken email address.

CREATE TABLE users (
    id            uuid         NOT NULL,
    username      varchar(32)  NOT NULL,
    -- Stored normalized (lower case) by the domain.
    email         varchar(254) NOT NULL,
    -- NULL for users who only sign in through an external provider.
    password_hash varchar(512),
    active        boolean      NOT NULL DEFAULT true,
    registered_at timestamptz  NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

-- Unique ignoring case; lookups use the same expressions so that they can use these indexes.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE external_identities (
    provider varchar(64)  NOT NULL,
    subject  varchar(255) NOT NULL,
    user_id  uuid         NOT NULL,
    CONSTRAINT external_identities_pkey PRIMARY KEY (provider, subject),
    CONSTRAINT external_identities_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX external_identities_user_id_idx ON external_identities (user_id);

CREATE TABLE remembered_devices (
    series               varchar(64) NOT NULL,
    user_id              uuid        NOT NULL,
    secret_hash          varchar(64) NOT NULL,
    previous_secret_hash varchar(64),
    rotated_at           timestamptz NOT NULL,
    expires_at           timestamptz NOT NULL,
    CONSTRAINT remembered_devices_pkey PRIMARY KEY (series),
    CONSTRAINT remembered_devices_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX remembered_devices_user_id_idx ON remembered_devices (user_id);
-- The periodic purge deletes by expiry.
CREATE INDEX remembered_devices_expires_at_idx ON remembered_devices (expires_at);
