-- Concerns to the Head and DSL (clauses 6.24, 7, 9, 10.6) with evidence kept intact, and the Head's express
-- permissions (clause 6.5). ADR 0017.

CREATE TABLE concerns (
    id                   uuid           PRIMARY KEY,
    school_urn           varchar(6)     NOT NULL REFERENCES schools (urn),
    -- the report as the adult made it: never updated (trigger below)
    reporter_adult_id    uuid           NOT NULL REFERENCES adults (id),
    category             varchar(32)    NOT NULL CHECK (category IN ('SOCIAL_CONTACT', 'CYBERBULLYING', 'TROLLING',
                                                         'INAPPROPRIATE_MATERIAL', 'INDECENT_IMAGES', 'RADICALISATION',
                                                         'IMPERSONATION', 'OTHER')),
    urgent               boolean        NOT NULL,
    occurred_at          timestamptz    NOT NULL,
    platform             varchar(24),
    location_url         varchar(2000),
    description          varchar(10000) NOT NULL,
    about_pupil_mis_id   varchar(64),
    about_adult_id       uuid           REFERENCES adults (id),
    about_account_id     uuid           REFERENCES social_accounts (id),
    -- IMPERSONATION: the URL's canonical form, and the register account it is, if it is one
    canonical_platform   varchar(24),
    canonical_handle     varchar(300),
    official_account_id  uuid           REFERENCES social_accounts (id),
    -- schools whose Heads and DSLs handle it: the concern's school, or the schools the adult it names works at
    handling_schools     text[]         NOT NULL,
    idempotency_key      varchar(128),
    request_hash         varchar(64),
    raised_at            timestamptz    NOT NULL,
    -- handling: the only columns that change
    status               varchar(16)    NOT NULL CHECK (status IN ('RAISED', 'ACKNOWLEDGED', 'CLOSED')),
    outcome              varchar(32),
    closed_at            timestamptz,
    version              bigint         NOT NULL,
    updated_at           timestamptz    NOT NULL
);
CREATE INDEX concerns_school_idx ON concerns USING gin (handling_schools);
CREATE INDEX concerns_reporter_idx ON concerns (reporter_adult_id, raised_at, id);
CREATE UNIQUE INDEX concerns_idempotency_idx ON concerns (reporter_adult_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE FUNCTION concerns_report_is_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
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
CREATE TRIGGER concerns_report_immutable BEFORE UPDATE OR DELETE ON concerns
    FOR EACH ROW EXECUTE FUNCTION concerns_report_is_immutable();

-- Evidence files: the bytes with their SHA-256, never updated or deleted.
CREATE TABLE concern_evidence (
    id                 uuid          PRIMARY KEY,
    concern_id         uuid          NOT NULL REFERENCES concerns (id),
    media_type         varchar(32)   NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'application/pdf',
                                                                    'text/plain')),
    file_name          varchar(255)  NOT NULL,
    size_bytes         integer       NOT NULL CHECK (size_bytes > 0),
    sha256             char(64)      NOT NULL,
    content            bytea         NOT NULL,
    uploaded_by        uuid          NOT NULL REFERENCES adults (id),
    uploaded_at        timestamptz   NOT NULL
);
CREATE INDEX concern_evidence_concern_idx ON concern_evidence (concern_id, uploaded_at);

CREATE FUNCTION concern_evidence_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'concern evidence is never changed or deleted (clauses 9.2, 9.4)';
END;
$$;
CREATE TRIGGER concern_evidence_append_only BEFORE UPDATE OR DELETE ON concern_evidence
    FOR EACH ROW EXECUTE FUNCTION concern_evidence_is_append_only();

-- The handling timeline: acknowledgement, notes, actions, closure; append-only.
CREATE TABLE concern_timeline (
    id            uuid           PRIMARY KEY,
    concern_id    uuid           NOT NULL REFERENCES concerns (id),
    entry         varchar(16)    NOT NULL CHECK (entry IN ('ACKNOWLEDGED', 'NOTE', 'ACTION', 'CLOSED')),
    action        varchar(32),
    text          varchar(10000),
    actor_adult_id uuid          REFERENCES adults (id),
    actor_subject varchar(255)   NOT NULL,
    at            timestamptz    NOT NULL
);
CREATE INDEX concern_timeline_idx ON concern_timeline (concern_id, at, id);
CREATE TRIGGER concern_timeline_append_only BEFORE UPDATE OR DELETE ON concern_timeline
    FOR EACH ROW EXECUTE FUNCTION concern_evidence_is_append_only();

-- The Head's express permission (clause 6.5) for an adult, a purpose, a channel, a period.
CREATE TABLE express_permissions (
    id               uuid           PRIMARY KEY,
    school_urn       varchar(6)     NOT NULL REFERENCES schools (urn),
    adult_id         uuid           NOT NULL REFERENCES adults (id),
    purpose          varchar(500)   NOT NULL,
    purpose_key      varchar(500)   NOT NULL,
    channel          varchar(200)   NOT NULL,
    valid_from       date           NOT NULL,
    valid_to         date           NOT NULL,
    CHECK (valid_to >= valid_from),
    granted_by       uuid           NOT NULL REFERENCES adults (id),
    granted_at       timestamptz    NOT NULL,
    revoked_at       timestamptz,
    revoked_by       uuid           REFERENCES adults (id),
    version          bigint         NOT NULL,
    updated_at       timestamptz    NOT NULL
);
CREATE INDEX express_permissions_check_idx ON express_permissions (school_urn, adult_id, purpose_key);
CREATE INDEX express_permissions_adult_idx ON express_permissions (adult_id, granted_at, id);
CREATE INDEX express_permissions_school_idx ON express_permissions (school_urn, granted_at, id);
