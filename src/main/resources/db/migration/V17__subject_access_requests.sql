-- Issue 23, ADR 0019 amended: every subject-access export names the request it answers (the Trust's reference) and
-- why, and who made it; append-only, and the audit entry of the export points at this row.
CREATE TABLE subject_access_exports (
    id                  uuid          PRIMARY KEY,
    subject_adult_id    uuid          NOT NULL REFERENCES adults (id),
    request_reference   varchar(100)  NOT NULL CHECK (length(btrim(request_reference)) > 0),
    reason              varchar(1000) NOT NULL CHECK (length(btrim(reason)) > 0),
    open_concerns_shown boolean       NOT NULL,
    exported_by         varchar(255)  NOT NULL,
    exported_at         timestamptz   NOT NULL
);
CREATE INDEX subject_access_exports_subject_idx ON subject_access_exports (subject_adult_id, exported_at);
CREATE TRIGGER subject_access_exports_append_only BEFORE UPDATE OR DELETE ON subject_access_exports
    FOR EACH ROW EXECUTE FUNCTION rows_are_immutable();

-- Responsibilities that route safeguarding mail come only from HR-kept records (ADR 0023): any that a manual record
-- carries were set by a Head or trust-admin, the route by which concern mail could be sent to an address of their
-- choosing, and are removed.
UPDATE adult_assignments s SET responsibilities = '{}'
    FROM adults a WHERE a.id = s.adult_id AND a.source = 'MANUAL' AND s.responsibilities <> '{}';
