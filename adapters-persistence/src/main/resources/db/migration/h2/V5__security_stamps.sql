-- The same columns as db/migration/postgresql/V5, for the embedded H2 default. H2 runs no PL/pgSQL
-- trigger: here only the service renews stamps (an instance on H2 is changed through the service alone).

ALTER TABLE users ADD COLUMN security_stamp VARCHAR(64);
UPDATE users SET security_stamp = REPLACE(CAST(RANDOM_UUID() AS VARCHAR), '-', '');
ALTER TABLE users ALTER COLUMN security_stamp SET NOT NULL;
ALTER TABLE users ADD COLUMN email_confirmed BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE remembered_devices ADD COLUMN security_stamp VARCHAR(64);
UPDATE remembered_devices d SET security_stamp = (SELECT u.security_stamp FROM users u WHERE u.id = d.user_id);
ALTER TABLE remembered_devices ALTER COLUMN security_stamp SET NOT NULL;
ALTER TABLE remembered_devices ADD COLUMN remembered_at TIMESTAMP WITH TIME ZONE;
UPDATE remembered_devices SET remembered_at = rotated_at;
ALTER TABLE remembered_devices ALTER COLUMN remembered_at SET NOT NULL;
ALTER TABLE remembered_devices ADD COLUMN client_address VARCHAR(64);
ALTER TABLE remembered_devices ADD COLUMN user_agent VARCHAR(512);
