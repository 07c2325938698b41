-- Policies, their versions, per-school acknowledgements, and the requirement status of every adult.

CREATE TABLE policies (
    id          uuid         PRIMARY KEY,
    slug        varchar(64)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    title       varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL
);

CREATE TABLE policy_versions (
    id                uuid         PRIMARY KEY,
    policy_id         uuid         NOT NULL REFERENCES policies (id),
    label             varchar(32)  NOT NULL,
    status            varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'RETIRED')),
    body              text         NOT NULL,
    body_sha256       varchar(64)     NOT NULL,
    clauses           jsonb        NOT NULL,
    statements        jsonb        NOT NULL,
    material          boolean      NOT NULL,
    all_schools       boolean      NOT NULL,
    school_urns       jsonb        NOT NULL,
    audience          jsonb        NOT NULL,
    due_days          integer      NOT NULL CHECK (due_days >= 0),
    joiner_due_days   integer      NOT NULL CHECK (joiner_due_days >= 0),
    -- the material version whose acknowledgement this version accepts (itself when material)
    basis_id          uuid         REFERENCES policy_versions (id),
    published_at      timestamptz,
    ended_at          timestamptz,
    version           bigint       NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    UNIQUE (policy_id, label)
);
-- At most one published version per policy, checked at commit so a publish may supersede and publish in any order.
ALTER TABLE policy_versions ADD CONSTRAINT policy_versions_one_published
    EXCLUDE USING btree (policy_id WITH =) WHERE (status = 'PUBLISHED') DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE acknowledgements (
    id                uuid         PRIMARY KEY,
    adult_id          uuid         NOT NULL REFERENCES adults (id),
    version_id        uuid         NOT NULL REFERENCES policy_versions (id),
    school_urn        varchar(6)   NOT NULL REFERENCES schools (urn),
    body_sha256       varchar(64)     NOT NULL,
    statements        jsonb        NOT NULL,
    acknowledged_at   timestamptz  NOT NULL,
    client_id         varchar(255),
    user_agent        varchar(512),
    idempotency_key   varchar(128),
    UNIQUE (adult_id, version_id, school_urn)
);
CREATE UNIQUE INDEX acknowledgements_idempotency ON acknowledgements (adult_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX acknowledgements_school_idx ON acknowledgements (school_urn, version_id);

CREATE FUNCTION rows_are_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER acknowledgements_are_immutable
    BEFORE UPDATE OR DELETE ON acknowledgements
    FOR EACH ROW EXECUTE FUNCTION rows_are_immutable();

-- Requirement status of every active adult, at every school they are currently assigned to, for the current
-- published version of every policy. One place for the rule, set-based, used by every compliance read:
--   NOT_REQUIRED  the version does not cover the school, or the adult's category is not in its audience
--   DONE          an acknowledgement at that school of a version with the same basis (carry-forward)
--   OVERDUE       past the due date: the later of basis publication + due days and assignment start + joiner days
--   DUE           otherwise
CREATE VIEW policy_requirements AS
WITH today AS (SELECT (now() AT TIME ZONE 'UTC')::date AS day),
current_assignment AS (
    SELECT DISTINCT ON (s.adult_id, s.school_urn) s.adult_id, s.school_urn, s.start_date
    FROM adult_assignments s, today
    WHERE s.start_date <= today.day AND (s.end_date IS NULL OR s.end_date >= today.day)
    ORDER BY s.adult_id, s.school_urn, s.start_date DESC
),
current_version AS (
    SELECT v.id, v.policy_id, p.slug, v.label, v.all_schools, v.school_urns, v.audience, v.due_days,
           v.joiner_due_days, v.basis_id, b.published_at AS basis_published_at
    FROM policy_versions v
    JOIN policies p ON p.id = v.policy_id
    JOIN policy_versions b ON b.id = v.basis_id
    WHERE v.status = 'PUBLISHED'
)
SELECT r.*,
       CASE
           WHEN NOT r.required THEN 'NOT_REQUIRED'
           WHEN r.acknowledged_at IS NOT NULL THEN 'DONE'
           WHEN r.due_date < (SELECT day FROM today) THEN 'OVERDUE'
           ELSE 'DUE'
       END AS status
FROM (
    SELECT cv.slug, cv.id AS version_id, cv.label, a.id AS adult_id, a.hr_id, a.first_name, a.last_name,
           a.category, ca.school_urn, ca.start_date AS assignment_start,
           (cv.all_schools OR cv.school_urns ? ca.school_urn) AND cv.audience ? a.category AS required,
           GREATEST((cv.basis_published_at AT TIME ZONE 'UTC')::date + cv.due_days,
                    ca.start_date + cv.joiner_due_days) AS due_date,
           (SELECT max(k.acknowledged_at)
              FROM acknowledgements k JOIN policy_versions kv ON kv.id = k.version_id
             WHERE k.adult_id = a.id AND k.school_urn = ca.school_urn AND kv.basis_id = cv.basis_id)
               AS acknowledged_at
    FROM adults a
    JOIN current_assignment ca ON ca.adult_id = a.id
    CROSS JOIN current_version cv
    WHERE a.active
) r;
