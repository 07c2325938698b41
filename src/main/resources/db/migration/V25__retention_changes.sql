-- Brakes on destroying records (issue 24): shortening a retention period or lifting a legal hold is a pending change,
-- confirmed by a second trust-admin and applied only after a notice period. The database refuses a change confirmed by
-- its proposer, whoever writes the row, and allows one open change per rule or hold.
CREATE TABLE retention_changes (
    id            uuid          PRIMARY KEY,
    kind          varchar(16)   NOT NULL CHECK (kind IN ('SHORTEN_PERIOD', 'LIFT_HOLD')),
    record_class  varchar(40)   REFERENCES retention_rules (record_class),
    period        varchar(16),
    hold_id       uuid          REFERENCES legal_holds (id),
    reason        varchar(2000) NOT NULL,
    proposed_by   varchar(255)  NOT NULL,
    proposed_at   timestamptz   NOT NULL,
    effective_at  timestamptz   NOT NULL,
    confirmed_by  varchar(255),
    confirmed_at  timestamptz,
    cancelled_by  varchar(255),
    cancelled_at  timestamptz,
    applied_at    timestamptz,
    version       bigint        NOT NULL,
    CHECK ((kind = 'SHORTEN_PERIOD') = (record_class IS NOT NULL AND period IS NOT NULL AND hold_id IS NULL)),
    CHECK ((kind = 'LIFT_HOLD') = (hold_id IS NOT NULL AND record_class IS NULL)),
    CHECK (confirmed_by IS NULL OR confirmed_by <> proposed_by),
    CHECK (applied_at IS NULL OR (confirmed_at IS NOT NULL AND applied_at >= effective_at))
);
CREATE UNIQUE INDEX retention_changes_one_open_idx ON retention_changes (coalesce(record_class, hold_id::text))
    WHERE applied_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX retention_changes_due_idx ON retention_changes (effective_at)
    WHERE applied_at IS NULL AND cancelled_at IS NULL AND confirmed_at IS NOT NULL;
