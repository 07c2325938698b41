-- The records acts — retention rules, holds and their changes, disposals, subject-access exports — get an audit chain of
-- their own, kept for the longest retention period of any class (issue 24): the proof of what was kept, destroyed and
-- disclosed outlives every record it speaks of, while the other chains are disposed of on their own period.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_chain_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_chain_check CHECK (chain IN ('WRITE', 'READ', 'RECORDS'));
ALTER TABLE audit_checkpoints DROP CONSTRAINT audit_checkpoints_chain_check;
ALTER TABLE audit_checkpoints ADD CONSTRAINT audit_checkpoints_chain_check CHECK (chain IN ('WRITE', 'READ', 'RECORDS'));
