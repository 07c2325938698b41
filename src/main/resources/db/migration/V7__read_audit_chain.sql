-- Human reads are audited on a chain of their own (ADR 0004): appending a read never waits for the lock of the
-- write chain, and a write never waits for a read. Both chains live in audit_events, so the audit API shows both.
ALTER TABLE audit_events ADD COLUMN chain varchar(8) NOT NULL DEFAULT 'WRITE' CHECK (chain IN ('WRITE', 'READ'));
CREATE INDEX audit_events_chain_idx ON audit_events (chain, id);
-- "has this caller read this record in the last minutes": the bound on recording identical reads
CREATE INDEX audit_events_recent_read_idx ON audit_events (actor_subject, target_type, target_id, occurred_at)
    WHERE chain = 'READ';
