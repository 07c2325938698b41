-- Disposal atomic with its record (issue 24): a run row is written first (IN_PROGRESS); each batch writes its
-- certificate items and one audit entry in the batch's own transaction, beside the deletions; the run is marked
-- COMPLETE at the end, or INTERRUPTED by the next run when it died. Certificates are append-only and read in pages.
ALTER TABLE disposal_runs
    ADD COLUMN status       varchar(12) NOT NULL DEFAULT 'COMPLETE'
        CHECK (status IN ('IN_PROGRESS', 'COMPLETE', 'INTERRUPTED')),
    ADD COLUMN completed_at timestamptz;
ALTER TABLE disposal_runs ALTER COLUMN certificate DROP NOT NULL;

CREATE TABLE disposal_certificates (
    run_id       uuid        NOT NULL REFERENCES disposal_runs (id),
    seq          bigint      GENERATED ALWAYS AS IDENTITY,
    batch        integer     NOT NULL,
    record_class varchar(40) NOT NULL,
    record_id    text        NOT NULL,
    sha256       char(64)    NOT NULL,
    action       varchar(12) NOT NULL,
    disposed_at  timestamptz NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE FUNCTION disposal_certificates_are_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'disposal certificates are append-only';
END;
$$;
CREATE TRIGGER disposal_certificates_append_only BEFORE UPDATE OR DELETE ON disposal_certificates
    FOR EACH ROW EXECUTE FUNCTION disposal_certificates_are_append_only();

-- A run is never deleted; it changes once, from IN_PROGRESS to COMPLETE or INTERRUPTED, keeping its id and start.
CREATE FUNCTION disposal_runs_finish_once() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'disposal runs are never deleted';
    END IF;
    IF OLD.status <> 'IN_PROGRESS' OR NEW.id <> OLD.id OR NEW.ran_at <> OLD.ran_at OR NEW.status = 'IN_PROGRESS' THEN
        RAISE EXCEPTION 'a disposal run changes once, from IN_PROGRESS to COMPLETE or INTERRUPTED';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER disposal_runs_finish_once BEFORE UPDATE OR DELETE ON disposal_runs
    FOR EACH ROW EXECUTE FUNCTION disposal_runs_finish_once();
