-- Issue 25: every attempt re-checks a delivery against its endpoint's current identity and filters; what is out of
-- scope (the endpoint was narrowed, or moved without carrying its queue over) is settled DROPPED with a reason, never
-- sent. The delivery keeps its event's school for that check.
ALTER TABLE webhook_deliveries ADD COLUMN school_urn varchar(6);
ALTER TABLE webhook_deliveries ADD COLUMN dropped_reason varchar(200);
UPDATE webhook_deliveries d SET school_urn = e.school_urn FROM events e WHERE e.id = d.event_id;
ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check
    CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'DROPPED'));
