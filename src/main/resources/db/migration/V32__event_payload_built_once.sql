-- The webhook body of an event (Standard Webhooks: {type, timestamp, data}) is built once, when the event is written
-- (issue 22), and every endpoint's delivery copies it: nothing parses and re-serialises an event per endpoint.
ALTER TABLE events ADD COLUMN payload text;
UPDATE events SET payload = '{"type":"' || type || '","timestamp":"'
    || to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '","data":' || data::text || '}';
ALTER TABLE events ALTER COLUMN payload SET NOT NULL;
