-- issue 13 finding 1: the remember-me grace window. The secret a rotation replaced still signs in, for a few
-- seconds and a few times, only the browser whose request rotated it (its other tabs restored at the same moment).
-- grace_browser: SHA-256 (base64url) of the series, client address and User-Agent of that request, never the
-- values themselves; grace_uses: how many uses of the replaced secret were let in since that rotation.
-- Rows from before have no grace browser: their replaced secret is treated as theft, as after the grace period.
-- The same statements for PostgreSQL and H2.
ALTER TABLE remembered_devices ADD COLUMN grace_browser VARCHAR(64);
ALTER TABLE remembered_devices ADD COLUMN grace_uses INTEGER DEFAULT 0 NOT NULL;
