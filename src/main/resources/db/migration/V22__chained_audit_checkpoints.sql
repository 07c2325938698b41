-- Checkpoints that prove themselves (issue 24, ADR 0018): each new checkpoint carries a sequence number per chain and
-- the signature of the one before it, and all of it is signed, so removing, reordering or replacing a checkpoint breaks
-- the sequence or a signature. A disposal of audit events writes a checkpoint that records the last event it removed
-- (its id and hash), so a prefix removed by the disposal job is told from one removed by anyone else. A chain head may be
-- signed again (a heartbeat when nothing changed), so (chain, event_id) is no longer unique.
-- Rows written before this migration keep their own signed form (no sequence) and are verified as before.
ALTER TABLE audit_checkpoints DROP CONSTRAINT audit_checkpoints_chain_event_id_key;
ALTER TABLE audit_checkpoints
    ADD COLUMN sequence           bigint,
    ADD COLUMN previous_signature char(64),
    ADD COLUMN disposed_through   bigint,
    ADD COLUMN disposed_hash      char(64);
CREATE UNIQUE INDEX audit_checkpoints_sequence_idx ON audit_checkpoints (chain, sequence);
