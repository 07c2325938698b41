-- Dev mode only (quarkus.flyway.locations in the %dev profile): a small Trust to call every endpoint against.
-- The HR ids match the dev users' staff-id claims in application.properties.
INSERT INTO schools (urn, name, status, version, created_at, updated_at) VALUES
    ('100001', 'St James Primary Academy', 'OPEN', 0, now(), now()),
    ('100002', 'Emmanuel High School', 'OPEN', 0, now(), now()),
    ('100003', 'Trinity Infant School', 'OPEN', 0, now(), now())
ON CONFLICT (urn) DO NOTHING;

INSERT INTO adults (id, hr_id, first_name, last_name, work_email, category, active, source, version, created_at, updated_at) VALUES
    ('00000000-0000-4000-8000-000000001001', 'E1001', 'Alice', 'Archer', 'alice@stjames.example', 'TEACHER', true, 'HR', 1, now(), now()),
    ('00000000-0000-4000-8000-000000001002', 'E1002', 'Bob', 'Baker', 'bob@emmanuel.example', 'TEACHING_ASSISTANT', true, 'HR', 1, now(), now()),
    ('00000000-0000-4000-8000-000000001003', 'E1003', 'Carol', 'Chen', 'carol@stjames.example', 'SUPPORT_STAFF', true, 'HR', 1, now(), now()),
    ('00000000-0000-4000-8000-000000002001', 'E2001', 'Hugo', 'Hart', 'hugo@stjames.example', 'TEACHER', true, 'HR', 1, now(), now()),
    ('00000000-0000-4000-8000-000000002002', 'E2002', 'Helen', 'Hughes', 'helen@emmanuel.example', 'TEACHER', true, 'HR', 1, now(), now()),
    ('00000000-0000-4000-8000-000000009001', 'E9001', 'Tina', 'Trent', 'tina@trust.example', 'SUPPORT_STAFF', true, 'HR', 1, now(), now()),
    ('00000000-0000-4000-8000-00000000a001', 'V0001', 'Victor', 'Vale', 'victor.vale@volunteer.example', 'VOLUNTEER', true, 'MANUAL', 1, now(), now()),
    ('00000000-0000-4000-8000-00000000b001', 'G0001', 'Grace', 'Green', 'grace.green@governor.example', 'GOVERNOR', true, 'MANUAL', 1, now(), now())
ON CONFLICT (hr_id) DO NOTHING;

-- Hugo and Helen are their schools' Heads in the register (HEAD_OF_SCHOOL): Head authority needs the token's role
-- and this responsibility on a current assignment (ADR 0011).
INSERT INTO adult_assignments (adult_id, position, school_urn, job_title, start_date, end_date, responsibilities) VALUES
    ('00000000-0000-4000-8000-000000001001', 0, '100001', 'Class teacher', '2021-09-01', NULL, '{}'),
    ('00000000-0000-4000-8000-000000001002', 0, '100002', 'Teaching assistant', '2022-09-01', NULL, '{}'),
    ('00000000-0000-4000-8000-000000001003', 0, '100001', 'Office manager', '2019-01-07', NULL, '{}'),
    ('00000000-0000-4000-8000-000000001003', 1, '100003', 'Office manager', '2023-04-17', NULL, '{}'),
    ('00000000-0000-4000-8000-000000002001', 0, '100001', 'Head of School', '2018-09-01', NULL, '{HEAD_OF_SCHOOL}'),
    ('00000000-0000-4000-8000-000000002002', 0, '100002', 'Head of School', '2020-01-06', NULL, '{HEAD_OF_SCHOOL}'),
    ('00000000-0000-4000-8000-00000000a001', 0, '100001', 'Reading volunteer', '2025-10-01', NULL, '{}'),
    ('00000000-0000-4000-8000-00000000b001', 0, '100002', 'Governor', '2024-09-01', NULL, '{}')
ON CONFLICT (adult_id, position) DO NOTHING;
