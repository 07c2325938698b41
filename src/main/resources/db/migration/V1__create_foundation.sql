-- Foundation: schools, the staff register and the append-only audit trail.

CREATE TABLE schools (
    urn         varchar(6)   PRIMARY KEY CHECK (urn ~ '^[0-9]{6}$'),
    name        varchar(200) NOT NULL,
    status      varchar(16)  NOT NULL,
    version     bigint       NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX schools_updated_idx ON schools (updated_at, urn);

CREATE TABLE adults (
    id          uuid         PRIMARY KEY,
    hr_id       varchar(64)  NOT NULL UNIQUE,
    first_name  varchar(100) NOT NULL,
    last_name   varchar(100) NOT NULL,
    work_email  varchar(254) NOT NULL,
    category    varchar(32)  NOT NULL,
    active      boolean      NOT NULL,
    source      varchar(8)   NOT NULL CHECK (source IN ('HR', 'MANUAL')),
    version     bigint       NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX adults_updated_idx ON adults (updated_at, hr_id);
CREATE INDEX adults_active_hr_idx ON adults (source, active);

CREATE TABLE adult_assignments (
    adult_id    uuid         NOT NULL REFERENCES adults (id),
    position    smallint     NOT NULL,
    school_urn  varchar(6)   NOT NULL REFERENCES schools (urn),
    job_title   varchar(200),
    start_date  date         NOT NULL,
    end_date    date,
    PRIMARY KEY (adult_id, position),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX adult_assignments_school_idx ON adult_assignments (school_urn, adult_id);

CREATE TABLE audit_events (
    id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz  NOT NULL,
    actor_subject   varchar(255) NOT NULL,
    actor_roles     text[]       NOT NULL,
    client_id       varchar(255),
    action          varchar(64)  NOT NULL,
    target_type     varchar(64)  NOT NULL,
    target_id       varchar(128) NOT NULL,
    school_urn      varchar(6),
    request_id      varchar(64),
    changed_fields  text[]       NOT NULL,
    prev_hash       char(64),
    hash            char(64)     NOT NULL
);
CREATE INDEX audit_events_target_idx ON audit_events (target_type, target_id, id);
CREATE INDEX audit_events_school_idx ON audit_events (school_urn, id);

CREATE FUNCTION audit_events_are_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;

CREATE TRIGGER audit_events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_are_append_only();
