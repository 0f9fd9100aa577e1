-- Every change to a user, however it is made (by the service, or by an administrator in SQL), is
-- announced on the channel vestibule_user_changed with the user's id as payload, when its transaction
-- commits. Each instance keeps a local cache of signed-in users and evicts the id it hears here
-- (PostgresUserChangeListener); the payload '*' means "forget every user" (TRUNCATE).
-- PostgreSQL folds identical notifications of one transaction into one, so a mass UPDATE sends each id once.
-- H2 (the embedded default) has no LISTEN/NOTIFY and runs without the cache: its folder needs no V3.

CREATE FUNCTION vestibule_notify_user_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    old_id uuid;
    new_id uuid;
BEGIN
    -- One branch per table: PL/pgSQL resolves OLD.id or OLD.user_id only when the statement runs.
    IF TG_TABLE_NAME = 'users' THEN
        IF TG_OP <> 'INSERT' THEN old_id := OLD.id; END IF;
        IF TG_OP <> 'DELETE' THEN new_id := NEW.id; END IF;
    ELSE
        IF TG_OP <> 'INSERT' THEN old_id := OLD.user_id; END IF;
        IF TG_OP <> 'DELETE' THEN new_id := NEW.user_id; END IF;
    END IF;
    IF old_id IS NOT NULL THEN
        PERFORM pg_notify('vestibule_user_changed', old_id::text);
    END IF;
    -- An UPDATE that moves a row to another user changes both users.
    IF new_id IS NOT NULL AND new_id IS DISTINCT FROM old_id THEN
        PERFORM pg_notify('vestibule_user_changed', new_id::text);
    END IF;
    RETURN NULL;
END
$$;

-- TRUNCATE fires no row triggers: it names no user, so every cached user goes.
CREATE FUNCTION vestibule_notify_users_truncated() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('vestibule_user_changed', '*');
    RETURN NULL;
END
$$;

CREATE TRIGGER users_notify_change
    AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION vestibule_notify_user_changed();

CREATE TRIGGER external_identities_notify_change
    AFTER INSERT OR UPDATE OR DELETE ON external_identities
    FOR EACH ROW EXECUTE FUNCTION vestibule_notify_user_changed();

CREATE TRIGGER users_notify_truncate
    AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION vestibule_notify_users_truncated();

CREATE TRIGGER external_identities_notify_truncate
    AFTER TRUNCATE ON external_identities
    FOR EACH STATEMENT EXECUTE FUNCTION vestibule_notify_users_truncated();
