-- Compliance counts kept current in the transaction that changes them (ADR 0020), so the Trust summary and a school's
-- list read a few hundred rows whatever the Trust's size instead of recomputing the requirement rule for every adult.
--
--   compliance_facts   one row per row of policy_requirements_on(day): the rule's output for `compliance_state.day`
--   compliance_counts  those rows counted by (policy, school, required, done, due date); maintained from the facts'
--                      transition tables. A status is computed at read time from the due date and today
--                      (requirement_status), so OVERDUE needs no nightly job.
--
-- Writers do nothing new: statement triggers on adults, adult_assignments, acknowledgements and policy_versions note
-- which adults changed (or that a published version changed: every adult), and a deferred constraint trigger
-- recomputes exactly those adults' facts once, at commit, under the COMPLIANCE_COUNTS advisory lock (shared for some
-- adults, with their rows locked; exclusive for every adult). The only time-dependent input, which assignments are
-- current, is moved on by compliance_roll(day), called by the first compliance read of a new service day.

-- The one statement of a requirement's status (was inline in policy_requirements_on).
CREATE FUNCTION requirement_status(p_required boolean, p_done boolean, p_due_date date, p_day date) RETURNS text
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE
           WHEN NOT p_required THEN 'NOT_REQUIRED'
           WHEN p_done THEN 'DONE'
           WHEN p_due_date < p_day THEN 'OVERDUE'
           ELSE 'DUE'
       END
$$;

-- The requirement rule of V8 for some adults (p_adults) or, with NULL, every adult. Inlined by the planner; with a
-- constant NULL the adult filter folds away.
CREATE FUNCTION policy_requirements_of(p_day date, p_adults uuid[])
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
           v.joiner_due_days, v.basis_id, b.published_at AS basis_published_at
    FROM policy_versions v
    JOIN policies p ON p.id = v.policy_id
    JOIN policy_versions b ON b.id = v.basis_id
    WHERE v.status = 'PUBLISHED'
)
SELECT r.*, requirement_status(r.required, r.acknowledged_at IS NOT NULL, r.due_date, p_day) AS status
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
    WHERE a.active AND (p_adults IS NULL OR a.id = ANY (p_adults))
) r
$$;

-- Same name, same columns, same meaning as V8: now the rule above for every adult.
CREATE OR REPLACE FUNCTION policy_requirements_on(p_day date)
    RETURNS TABLE (slug varchar, version_id uuid, label varchar, adult_id uuid, hr_id varchar, first_name varchar,
                   last_name varchar, category varchar, school_urn varchar, assignment_start date, required boolean,
                   due_date date, acknowledged_at timestamptz, status text)
    LANGUAGE sql STABLE AS
$$
SELECT * FROM policy_requirements_of(p_day, NULL::uuid[])
$$;

CREATE TABLE compliance_state (
    only_row  boolean  PRIMARY KEY DEFAULT true CHECK (only_row),
    day       date     NOT NULL
);

CREATE TABLE compliance_facts (
    slug             varchar(64)  NOT NULL,
    school_urn       varchar(6)   NOT NULL,
    adult_id         uuid         NOT NULL,
    version_id       uuid         NOT NULL,
    required         boolean      NOT NULL,
    due_date         date,
    acknowledged_at  timestamptz,
    PRIMARY KEY (slug, school_urn, adult_id)
);
CREATE INDEX compliance_facts_adult_idx ON compliance_facts (adult_id);

CREATE TABLE compliance_counts (
    slug        varchar(64)  NOT NULL,
    school_urn  varchar(6)   NOT NULL,
    required    boolean      NOT NULL,
    done        boolean      NOT NULL,
    due_date    date         NOT NULL,  -- 'infinity' when the rule gives none
    n           bigint       NOT NULL,
    PRIMARY KEY (slug, school_urn, required, done, due_date)
);

-- Adults whose facts this transaction must recompute at commit. Rows never outlive their transaction (the flush
-- deletes them), so each transaction sees only its own; no key, so concurrent transactions never wait on each other.
CREATE UNLOGGED TABLE compliance_dirty (adult_id uuid NOT NULL);

-- One row per transaction with work to flush; inserting it queues the deferred flush once.
CREATE UNLOGGED TABLE compliance_pending (
    txid          bigint   PRIMARY KEY,
    every_adult   boolean  NOT NULL DEFAULT false
);

-- Recompute the facts of p_adults (NULL: every adult) for p_day. Dynamic SQL: planned with the actual array.
CREATE FUNCTION compliance_refresh(p_adults uuid[], p_day date) RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    IF p_adults IS NULL THEN
        EXECUTE 'DELETE FROM compliance_facts f WHERE NOT EXISTS (SELECT 1 FROM policy_requirements_of($1, NULL) x'
                    || ' WHERE x.slug = f.slug AND x.school_urn = f.school_urn AND x.adult_id = f.adult_id)'
            USING p_day;
    ELSIF cardinality(p_adults) = 0 THEN
        RETURN;
    ELSE
        EXECUTE 'DELETE FROM compliance_facts f WHERE f.adult_id = ANY ($2) AND NOT EXISTS'
                    || ' (SELECT 1 FROM policy_requirements_of($1, $2) x'
                    || ' WHERE x.slug = f.slug AND x.school_urn = f.school_urn AND x.adult_id = f.adult_id)'
            USING p_day, p_adults;
    END IF;
    EXECUTE 'INSERT INTO compliance_facts AS f (slug, school_urn, adult_id, version_id, required, due_date,'
                || ' acknowledged_at)'
                || ' SELECT slug, school_urn, adult_id, version_id, required, due_date, acknowledged_at'
                || ' FROM policy_requirements_of($1, $2) ORDER BY slug, school_urn, adult_id'
                || ' ON CONFLICT (slug, school_urn, adult_id) DO UPDATE SET version_id = EXCLUDED.version_id,'
                || ' required = EXCLUDED.required, due_date = EXCLUDED.due_date,'
                || ' acknowledged_at = EXCLUDED.acknowledged_at'
                || ' WHERE (f.version_id, f.required, f.due_date, f.acknowledged_at)'
                || ' IS DISTINCT FROM (EXCLUDED.version_id, EXCLUDED.required, EXCLUDED.due_date,'
                || ' EXCLUDED.acknowledged_at)'
        USING p_day, p_adults;
END
$$;

-- compliance_counts follows compliance_facts, statement by statement, from the transition tables.
CREATE FUNCTION compliance_count_facts() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO compliance_counts AS c (slug, school_urn, required, done, due_date, n)
        SELECT slug, school_urn, required, acknowledged_at IS NOT NULL, coalesce(due_date, 'infinity'), -count(*)
        FROM old_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (slug, school_urn, required, done, due_date) DO UPDATE SET n = c.n + EXCLUDED.n;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO compliance_counts AS c (slug, school_urn, required, done, due_date, n)
        SELECT slug, school_urn, required, acknowledged_at IS NOT NULL, coalesce(due_date, 'infinity'), count(*)
        FROM new_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (slug, school_urn, required, done, due_date) DO UPDATE SET n = c.n + EXCLUDED.n;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER compliance_facts_inserted AFTER INSERT ON compliance_facts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_count_facts();
CREATE TRIGGER compliance_facts_updated AFTER UPDATE ON compliance_facts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_count_facts();
CREATE TRIGGER compliance_facts_deleted AFTER DELETE ON compliance_facts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_count_facts();

-- Queue the flush for this transaction (once), optionally for every adult.
CREATE FUNCTION compliance_queue(p_every_adult boolean) RETURNS void
    LANGUAGE sql AS
$$
INSERT INTO compliance_pending (txid, every_adult) VALUES (txid_current(), p_every_adult)
ON CONFLICT (txid) DO UPDATE SET every_adult = true WHERE p_every_adult AND NOT compliance_pending.every_adult
$$;

-- Base-table triggers: note the adults a statement changed. adults: a change of active or category (names and
-- emails do not change a requirement); assignments and acknowledgements: any row.
CREATE FUNCTION compliance_note_adults() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    noted bigint;
BEGIN
    IF TG_TABLE_NAME = 'adults' AND TG_OP = 'UPDATE' THEN
        INSERT INTO compliance_dirty (adult_id)
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.active, n.category) IS DISTINCT FROM (o.active, o.category);
    ELSIF TG_TABLE_NAME = 'adults' AND TG_OP = 'INSERT' THEN
        INSERT INTO compliance_dirty (adult_id) SELECT id FROM new_rows WHERE active;
    ELSIF TG_TABLE_NAME = 'adults' THEN
        INSERT INTO compliance_dirty (adult_id) SELECT id FROM old_rows;
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO compliance_dirty (adult_id) SELECT adult_id FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO compliance_dirty (adult_id) SELECT adult_id FROM old_rows;
    ELSE
        INSERT INTO compliance_dirty (adult_id)
        SELECT adult_id FROM new_rows UNION SELECT adult_id FROM old_rows;
    END IF;
    GET DIAGNOSTICS noted = ROW_COUNT;
    IF noted > 0 THEN
        PERFORM compliance_queue(false);
    END IF;
    RETURN NULL;
END
$$;

-- A published version (appearing, changing or leaving) changes every adult's requirement.
CREATE FUNCTION compliance_note_versions() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- one branch per statement kind: a trigger has only the transition tables of its event
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF EXISTS (SELECT 1 FROM new_rows WHERE status = 'PUBLISHED') THEN
            PERFORM compliance_queue(true);
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF EXISTS (SELECT 1 FROM old_rows WHERE status = 'PUBLISHED') THEN
            PERFORM compliance_queue(true);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER compliance_adults_inserted AFTER INSERT ON adults
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_adults();
CREATE TRIGGER compliance_adults_updated AFTER UPDATE ON adults
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_adults();
CREATE TRIGGER compliance_adults_deleted AFTER DELETE ON adults
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_adults();
CREATE TRIGGER compliance_assignments_inserted AFTER INSERT ON adult_assignments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_adults();
CREATE TRIGGER compliance_assignments_updated AFTER UPDATE ON adult_assignments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_adults();
CREATE TRIGGER compliance_assignments_deleted AFTER DELETE ON adult_assignments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_adults();
CREATE TRIGGER compliance_acknowledgements_inserted AFTER INSERT ON acknowledgements
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_adults();
CREATE TRIGGER compliance_acknowledgements_updated AFTER UPDATE ON acknowledgements
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_adults();
CREATE TRIGGER compliance_acknowledgements_deleted AFTER DELETE ON acknowledgements
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_adults();
CREATE TRIGGER compliance_versions_inserted AFTER INSERT ON policy_versions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_versions();
CREATE TRIGGER compliance_versions_updated AFTER UPDATE ON policy_versions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_versions();
CREATE TRIGGER compliance_versions_deleted AFTER DELETE ON policy_versions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_note_versions();

-- At commit: recompute what this transaction noted. The advisory key is AdvisoryLocks.Lock.COMPLIANCE_COUNTS.
-- Some adults: shared lock, and those adults' rows locked, so two transactions touching one adult recompute one after
-- the other, the second seeing the first's commit. Every adult (and compliance_roll): exclusive.
CREATE FUNCTION compliance_flush() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    v_every boolean;
    v_day date;
    v_adults uuid[];
BEGIN
    SELECT every_adult INTO v_every FROM compliance_pending WHERE txid = NEW.txid;
    IF v_every THEN
        PERFORM pg_advisory_xact_lock(6003372311163456513);
        SELECT day INTO v_day FROM compliance_state;
        PERFORM compliance_refresh(NULL, v_day);
    ELSE
        PERFORM pg_advisory_xact_lock_shared(6003372311163456513);
        v_adults := ARRAY(SELECT DISTINCT adult_id FROM compliance_dirty ORDER BY 1);
        PERFORM 1 FROM adults WHERE id = ANY (v_adults) ORDER BY id FOR NO KEY UPDATE;
        SELECT day INTO v_day FROM compliance_state;
        PERFORM compliance_refresh(v_adults, v_day);
    END IF;
    DELETE FROM compliance_dirty;
    DELETE FROM compliance_pending WHERE txid = NEW.txid;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER compliance_flush_at_commit AFTER INSERT ON compliance_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION compliance_flush();

-- Move the facts to another day: only adults with an assignment starting or ending between the two days change.
CREATE FUNCTION compliance_roll(p_day date) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    v_day date;
    lo date;
    hi date;
BEGIN
    SELECT day INTO v_day FROM compliance_state;
    IF v_day = p_day THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(6003372311163456513);
    SELECT day INTO v_day FROM compliance_state;
    IF v_day = p_day THEN
        RETURN;
    END IF;
    lo := least(v_day, p_day);
    hi := greatest(v_day, p_day);
    PERFORM compliance_refresh(
            ARRAY(SELECT DISTINCT adult_id FROM adult_assignments
                  WHERE (start_date > lo AND start_date <= hi) OR (end_date >= lo AND end_date < hi)),
            p_day);
    UPDATE compliance_state SET day = p_day;
END
$$;

INSERT INTO compliance_state (day) VALUES ((now() AT TIME ZONE 'UTC')::date);
SELECT compliance_refresh(NULL, (now() AT TIME ZONE 'UTC')::date);
