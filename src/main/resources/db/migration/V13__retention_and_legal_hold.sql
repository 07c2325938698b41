-- Retention as data, legal holds, and disposal runs with their certificates (ADR 0019).

CREATE TABLE retention_rules (
    record_class  varchar(40)   PRIMARY KEY,
    period        varchar(16)   NOT NULL,
    basis         varchar(200)  NOT NULL,
    source        varchar(300)  NOT NULL,
    version       bigint        NOT NULL,
    updated_at    timestamptz   NOT NULL
);
INSERT INTO retention_rules VALUES
    ('POLICY_VERSION',            'P3Y',   'after the version was superseded or retired', 'IRMS Toolkit for Academies: policies, life of the policy + 3 years', 1, now()),
    ('ACKNOWLEDGEMENT',           'P6Y',   'after the adult left the Trust', 'IRMS Toolkit: staff personnel file, termination + 6 years', 1, now()),
    ('NIL_RETURN',                'P6Y',   'after the adult left the Trust', 'IRMS Toolkit: staff personnel file, termination + 6 years', 1, now()),
    ('FAMILY_DECLARATION',        'P6Y',   'after the declaration ended', 'IRMS Toolkit: staff personnel file, termination + 6 years', 1, now()),
    ('DECLARATION_PUPIL_NAME',    'P30D',  'after the declaration ended (the link history stays)', 'UK GDPR Art. 5(1)(c),(e): data minimisation, storage limitation', 1, now()),
    ('CONCERN',                   'P6Y',   'after the concern was closed', 'IRMS Toolkit: allegations not child protection, + 6 years', 1, now()),
    ('CONCERN_CHILD_PROTECTION',  'P25Y',  'after the concern was closed (INDECENT_IMAGES, RADICALISATION)', 'IRMS Toolkit: child protection records, DOB of the child + 25 years (no DOB held: closure + 25 years)', 1, now()),
    ('REMINDER',                  'P1Y',   'after it was sent', 'Operational record: no retention need beyond a year', 1, now()),
    ('AUDIT_EVENT',               'P7Y',   'after the event', 'HMRC/Companies Act financial-year records + 1: 7 years, the Trust''s audit standard', 1, now());

CREATE TABLE legal_holds (
    id           uuid          PRIMARY KEY,
    target_type  varchar(16)   NOT NULL CHECK (target_type IN ('ADULT', 'SCHOOL', 'PUPIL', 'RECORD')),
    target_id    varchar(128)  NOT NULL,
    reason       varchar(2000) NOT NULL,
    placed_by    varchar(255)  NOT NULL,
    placed_at    timestamptz   NOT NULL,
    lifted_by    varchar(255),
    lifted_at    timestamptz,
    version      bigint        NOT NULL
);
CREATE INDEX legal_holds_active_idx ON legal_holds (target_type, target_id) WHERE lifted_at IS NULL;

CREATE TABLE disposal_runs (
    id           uuid          PRIMARY KEY,
    ran_at       timestamptz   NOT NULL,
    counts       jsonb         NOT NULL,
    certificate  jsonb         NOT NULL
);

-- The append-only rules give way to the disposal job alone: it sets smp.disposal for its own transaction.
CREATE OR REPLACE FUNCTION audit_events_are_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('smp.disposal', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;

CREATE OR REPLACE FUNCTION concern_evidence_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('smp.disposal', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'concern evidence is never changed or deleted (clauses 9.2, 9.4)';
END;
$$;

CREATE OR REPLACE FUNCTION concerns_report_is_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF current_setting('smp.disposal', true) = 'on' THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'a concern is never deleted (clauses 9.2, 9.4)';
    END IF;
    IF (NEW.id, NEW.school_urn, NEW.reporter_adult_id, NEW.category, NEW.urgent, NEW.occurred_at, NEW.platform,
        NEW.location_url, NEW.description, NEW.about_pupil_mis_id, NEW.about_adult_id, NEW.about_account_id,
        NEW.canonical_platform, NEW.canonical_handle, NEW.official_account_id, NEW.handling_schools, NEW.raised_at)
       IS DISTINCT FROM
       (OLD.id, OLD.school_urn, OLD.reporter_adult_id, OLD.category, OLD.urgent, OLD.occurred_at, OLD.platform,
        OLD.location_url, OLD.description, OLD.about_pupil_mis_id, OLD.about_adult_id, OLD.about_account_id,
        OLD.canonical_platform, OLD.canonical_handle, OLD.official_account_id, OLD.handling_schools, OLD.raised_at)
    THEN
        RAISE EXCEPTION 'the original report of a concern is never changed (clauses 9.2, 9.4)';
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION rows_are_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('smp.disposal', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
END;
$$;
