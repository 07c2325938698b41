-- The requirement rule (ADR 0008) as a function of the day, so "today" comes from the service's clock like every other
-- rule (docs/architecture.md: Time) and tests move time instead of back-dating rows. The planner inlines it. The view
-- keeps its name and meaning for ad-hoc SQL: the same rule on the database's own date.
DROP VIEW policy_requirements;

-- The one SQL statement of "works at this school on this day" (Java: Assignment.isCurrentOn, Adult.worksAt): the
-- assignments that have started and not ended on p_day. Inlined by the planner, so indexes on adult_assignments apply.
CREATE FUNCTION current_assignments_on(p_day date) RETURNS SETOF adult_assignments
    LANGUAGE sql STABLE AS
$$
SELECT * FROM adult_assignments WHERE start_date <= p_day AND (end_date IS NULL OR end_date >= p_day)
$$;

CREATE FUNCTION policy_requirements_on(p_day date)
    RETURNS TABLE (slug varchar, version_id uuid, label varchar, adult_id uuid, hr_id varchar, first_name varchar,
                   last_name varchar, category varchar, school_urn varchar, assignment_start date, required boolean,
                   due_date date, acknowledged_at timestamptz, status text)
    LANGUAGE sql STABLE AS
$$
WITH today AS (SELECT p_day AS day),
current_assignment AS (
    SELECT DISTINCT ON (s.adult_id, s.school_urn) s.adult_id, s.school_urn, s.start_date
    FROM current_assignments_on(p_day) s
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
) r
$$;

CREATE VIEW policy_requirements AS SELECT * FROM policy_requirements_on((now() AT TIME ZONE 'UTC')::date);
