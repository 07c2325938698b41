-- Checkpoints of the audit chains (ADR 0018): a chain head signed with HMAC-SHA256 under a key the database never
-- holds, so a chain rewritten with recomputed hashes no longer matches. Append-only, like the events they sign.
CREATE TABLE audit_checkpoints (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain       varchar(8)   NOT NULL CHECK (chain IN ('WRITE', 'READ')),
    event_id    bigint       NOT NULL,
    event_hash  char(64)     NOT NULL,
    signed_at   timestamptz  NOT NULL,
    signature   char(64)     NOT NULL,
    UNIQUE (chain, event_id)
);
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();
