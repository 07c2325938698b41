-- One outbox mechanism (issue 22; common/outbox/Outbox): webhook deliveries name their lease's end as reminder emails
-- do.
ALTER TABLE webhook_deliveries RENAME COLUMN leased_until TO lease_until;
