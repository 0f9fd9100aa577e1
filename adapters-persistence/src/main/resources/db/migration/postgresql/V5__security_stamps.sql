-- Containment: every user has a security stamp, a random value renewed whenever what their sign-ins rest
-- on changes (password changed or reset, account disabled or enabled, "log out everywhere"). Each web
-- session and remembered browser keeps the stamp it was signed in under and is refused once it differs.
-- The trigger below renews it for changes made by plain SQL too: an operator who resets a password or
-- disables an account in the database ends that user's sessions. The change reaches every instance's
-- user cache through V3's vestibule_user_changed notification, so sessions end there within a second.
-- email_confirmed: whether the user proved they read mail at the address (set by the confirmation link).

ALTER TABLE users ADD COLUMN security_stamp varchar(64);
UPDATE users SET security_stamp = replace(gen_random_uuid()::text, '-', '');
ALTER TABLE users ALTER COLUMN security_stamp SET NOT NULL;
ALTER TABLE users ADD COLUMN email_confirmed boolean NOT NULL DEFAULT false;

-- A new stamp when password_hash or active changes, unless the same UPDATE already sets a new one (the
-- service does, so that it knows the stamp of the one browser it keeps signed in).
CREATE FUNCTION vestibule_renew_security_stamp() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF (NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.active IS DISTINCT FROM OLD.active)
            AND NEW.security_stamp IS NOT DISTINCT FROM OLD.security_stamp THEN
        NEW.security_stamp := replace(gen_random_uuid()::text, '-', '');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER users_renew_security_stamp
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION vestibule_renew_security_stamp();

-- Remembered browsers keep the stamp they were remembered under, and when and from where (shown on the
-- sessions page). Browsers remembered before this migration take their user's stamp of now.
ALTER TABLE remembered_devices ADD COLUMN security_stamp varchar(64);
UPDATE remembered_devices d SET security_stamp = (SELECT u.security_stamp FROM users u WHERE u.id = d.user_id);
ALTER TABLE remembered_devices ALTER COLUMN security_stamp SET NOT NULL;
ALTER TABLE remembered_devices ADD COLUMN remembered_at timestamptz;
UPDATE remembered_devices SET remembered_at = rotated_at;
ALTER TABLE remembered_devices ALTER COLUMN remembered_at SET NOT NULL;
ALTER TABLE remembered_devices ADD COLUMN client_address varchar(64);
ALTER TABLE remembered_devices ADD COLUMN user_agent varchar(512);
