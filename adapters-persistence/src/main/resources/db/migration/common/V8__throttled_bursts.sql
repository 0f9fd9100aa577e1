-- Issue 13 finding 3: a burst of throttled attempts is one event per bucket and period, with its count, not one row
-- per refused attempt (300 refused attempts made 300 rows, kept 400 days). burst_key names the bucket, the event
-- type and the period (a hash); ordinary events have none. The unique index is what keeps two instances counting
-- into one row: the second INSERT of a burst fails and adds to the first instead.
-- The same statements for PostgreSQL and H2, as V2 and V7.
ALTER TABLE security_events ADD COLUMN occurrences INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE security_events ADD COLUMN burst_key VARCHAR(64);
CREATE UNIQUE INDEX security_events_burst_key_idx ON security_events (burst_key);
