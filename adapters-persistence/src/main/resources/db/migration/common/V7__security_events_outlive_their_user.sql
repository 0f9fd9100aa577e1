-- Account deletion: a deleted user's security events are kept for the retention period, anonymised (they name a
-- pseudonym drawn for that deletion, and forget the client address and the user agent), so they must outlive the
-- user's row. The foreign key deleted them with it (ON DELETE CASCADE) and would refuse the pseudonym.
-- The same statement for PostgreSQL and H2: V2, which made the constraint, is common too.
ALTER TABLE security_events DROP CONSTRAINT security_events_user_id_fkey;
