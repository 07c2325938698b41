-- Family-relationship declarations (policy clauses 6.7-6.9), the Head's record, and nil returns.

CREATE TABLE family_declarations (
    id                  uuid          PRIMARY KEY,
    adult_id            uuid          NOT NULL REFERENCES adults (id),
    school_urn          varchar(6)    NOT NULL REFERENCES schools (urn),
    pupil_mis_id        varchar(64)   NOT NULL,
    pupil_name          varchar(200)  NOT NULL,
    relationship        varchar(16)   NOT NULL,
    relationship_other  varchar(100),
    note                varchar(2000),
    status              varchar(16)   NOT NULL
        CHECK (status IN ('SUBMITTED', 'INFO_REQUESTED', 'ACKNOWLEDGED', 'DECLINED', 'WITHDRAWN', 'ENDED')),
    info_question       varchar(2000),
    info_answer         varchar(2000),
    reviewed_by         varchar(255),
    reviewed_at         timestamptz,
    discussed_on        date,
    agreed_protocols    varchar(4000),
    head_note           varchar(2000),
    acknowledged_at     timestamptz,
    decline_reason      varchar(2000),
    end_reason          varchar(24),
    end_note            varchar(2000),
    ended_at            timestamptz,
    reconfirm_by        date,
    reconfirmed_at      timestamptz,
    idempotency_key     varchar(128),
    version             bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);
-- One active declaration per adult, pupil and school.
CREATE UNIQUE INDEX family_declarations_one_active ON family_declarations (adult_id, school_urn, pupil_mis_id)
    WHERE status IN ('SUBMITTED', 'INFO_REQUESTED', 'ACKNOWLEDGED');
CREATE UNIQUE INDEX family_declarations_idempotency ON family_declarations (adult_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- The MIS check: (school, pupil) pairs, then adult.
CREATE INDEX family_declarations_check_idx ON family_declarations (school_urn, pupil_mis_id, adult_id);
-- The MIS delta feed and the Head's lists.
CREATE INDEX family_declarations_feed_idx ON family_declarations (school_urn, updated_at, id);
CREATE INDEX family_declarations_status_idx ON family_declarations (school_urn, status, created_at);

CREATE TABLE family_nil_returns (
    id            uuid         PRIMARY KEY,
    adult_id      uuid         NOT NULL REFERENCES adults (id),
    school_urn    varchar(6)   NOT NULL REFERENCES schools (urn),
    declared_at   timestamptz  NOT NULL
);
CREATE INDEX family_nil_returns_idx ON family_nil_returns (school_urn, adult_id);
