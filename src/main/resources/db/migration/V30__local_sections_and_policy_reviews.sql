-- Policies as trusts run them (issue 27; ADR 0028).
--
-- 1. Local sections. A Trust version may declare sections each school must (or may) complete. A school's text for a
--    version is a record of its own (DRAFT → PUBLISHED → SUPERSEDED, one of each at most per school and version); what
--    an adult acknowledges at a school is the Trust body followed by that school's sections, and its SHA-256 is
--    kept on the local text. A version needing a local section is not in force at a school until one is published.
-- 2. An owner and a review date per policy, reminded by a new reminder schedule kind (POLICY_REVIEW).

ALTER TABLE policy_versions ADD COLUMN local_sections jsonb NOT NULL DEFAULT '[]';

CREATE TABLE policy_local_texts (
    id            uuid          PRIMARY KEY,
    version_id    uuid          NOT NULL REFERENCES policy_versions (id) ON DELETE CASCADE,
    school_urn    varchar(6)    NOT NULL REFERENCES schools (urn),
    revision      integer       NOT NULL CHECK (revision >= 1),
    status        varchar(16)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    sections      jsonb         NOT NULL,
    material      boolean       NOT NULL,
    -- the material local text whose acknowledgement satisfies this one (itself when material); set on publication
    basis_id      uuid,
    -- SHA-256 of the document an adult at this school reads: the Trust body, then these sections
    body_sha256   varchar(64)   NOT NULL,
    version       bigint        NOT NULL,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    published_at  timestamptz,
    ended_at      timestamptz,
    UNIQUE (version_id, school_urn, revision)
);
CREATE UNIQUE INDEX policy_local_texts_draft_idx ON policy_local_texts (version_id, school_urn) WHERE status = 'DRAFT';
CREATE UNIQUE INDEX policy_local_texts_published_idx
    ON policy_local_texts (version_id, school_urn) WHERE status = 'PUBLISHED';

-- What an acknowledgement bound besides the Trust version: the school's local text of the day, if the version has one.
-- One acknowledgement per adult, version, school and local text: a material local text is acknowledged again.
ALTER TABLE acknowledgements ADD COLUMN local_text_id uuid REFERENCES policy_local_texts (id);
ALTER TABLE acknowledgements DROP CONSTRAINT acknowledgements_adult_id_version_id_school_urn_key;
CREATE UNIQUE INDEX acknowledgements_once_idx ON acknowledgements
    (adult_id, version_id, school_urn, coalesce(local_text_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- A local text published, superseded or carried forward changes the requirement of every adult at its school.
CREATE TRIGGER compliance_local_texts_inserted AFTER INSERT ON policy_local_texts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_versions();
CREATE TRIGGER compliance_local_texts_updated AFTER UPDATE ON policy_local_texts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_versions();
CREATE TRIGGER compliance_local_texts_deleted AFTER DELETE ON policy_local_texts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_versions();

-- The requirement rule of V14, same columns, now with local sections: a version that declares a required local
-- section is required at a school only once the school has published its text; an acknowledgement counts when it is of
-- the version's basis and, where the school has a local text, of that text's basis too (a material local change asks
-- that school's adults again, and no one else).
CREATE OR REPLACE FUNCTION policy_requirements_of(p_day date, p_adults uuid[])
    RETURNS TABLE (slug varchar, version_id uuid, label varchar, adult_id uuid, hr_id varchar, first_name varchar,
                   last_name varchar, category varchar, school_urn varchar, assignment_start date, required boolean,
                   due_date date, acknowledged_at timestamptz, status text)
    LANGUAGE sql STABLE AS
$$
WITH current_assignment AS (
    SELECT DISTINCT ON (s.adult_id, s.school_urn) s.adult_id, s.school_urn, s.start_date
    FROM current_assignments_on(p_day) s
    WHERE p_adults IS NULL OR s.adult_id = ANY (p_adults)
    ORDER BY s.adult_id, s.school_urn, s.start_date DESC
),
current_version AS (
    SELECT v.id, v.policy_id, p.slug, v.label, v.all_schools, v.school_urns, v.audience, v.due_days,
           v.joiner_due_days, v.basis_id, b.published_at AS basis_published_at,
           jsonb_path_exists(v.local_sections, '$[*] ? (@.required == true)') AS needs_local
    FROM policy_versions v
    JOIN policies p ON p.id = v.policy_id
    JOIN policy_versions b ON b.id = v.basis_id
    WHERE v.status = 'PUBLISHED'
)
SELECT r.slug, r.version_id, r.label, r.adult_id, r.hr_id, r.first_name, r.last_name, r.category, r.school_urn,
       r.assignment_start, r.required, r.due_date, r.acknowledged_at,
       requirement_status(r.required, r.acknowledged_at IS NOT NULL, r.due_date, p_day) AS status
FROM (
    SELECT cv.slug, cv.id AS version_id, cv.label, a.id AS adult_id, a.hr_id, a.first_name, a.last_name,
           a.category, ca.school_urn, ca.start_date AS assignment_start,
           (cv.all_schools OR cv.school_urns ? ca.school_urn) AND cv.audience ? a.category
               AND (NOT cv.needs_local OR lt.id IS NOT NULL) AS required,
           GREATEST((cv.basis_published_at AT TIME ZONE 'UTC')::date + cv.due_days,
                    (lb.published_at AT TIME ZONE 'UTC')::date + cv.due_days,
                    ca.start_date + cv.joiner_due_days) AS due_date,
           (SELECT max(k.acknowledged_at)
              FROM acknowledgements k JOIN policy_versions kv ON kv.id = k.version_id
              LEFT JOIN policy_local_texts kl ON kl.id = k.local_text_id
             WHERE k.adult_id = a.id AND k.school_urn = ca.school_urn AND kv.basis_id = cv.basis_id
               AND (lt.basis_id IS NULL OR kl.basis_id = lt.basis_id))
               AS acknowledged_at
    FROM adults a
    JOIN current_assignment ca ON ca.adult_id = a.id
    CROSS JOIN current_version cv
    LEFT JOIN policy_local_texts lt
           ON lt.version_id = cv.id AND lt.school_urn = ca.school_urn AND lt.status = 'PUBLISHED'
    LEFT JOIN policy_local_texts lb ON lb.id = lt.basis_id
    WHERE a.active AND (p_adults IS NULL OR a.id = ANY (p_adults))
) r
$$;

-- Owner and review cycle: an adult (by the register) or whoever holds a responsibility at a school on the day.
CREATE TABLE policy_reviews (
    policy_id                 uuid          PRIMARY KEY REFERENCES policies (id),
    owner_adult_id            uuid          REFERENCES adults (id),
    owner_responsibility      varchar(32),
    owner_school_urn          varchar(6)    REFERENCES schools (urn),
    review_date               date          NOT NULL,
    version                   bigint        NOT NULL,
    updated_at                timestamptz   NOT NULL,
    CHECK ((owner_adult_id IS NULL) = (owner_responsibility IS NOT NULL)),
    CHECK ((owner_responsibility IS NULL) = (owner_school_urn IS NULL))
);
CREATE INDEX policy_reviews_owner_idx ON policy_reviews (owner_adult_id) WHERE owner_adult_id IS NOT NULL;

-- Two months, one month and one week before the review date, and on the day.
INSERT INTO reminder_schedules VALUES ('POLICY_REVIEW', true, '{61,30,7}', true, NULL, NULL, 4, NULL, 1, now(), now());

-- Recompute with the new rule (nothing changes for versions without local sections).
SELECT compliance_refresh(NULL, (SELECT day FROM compliance_state));
