-- Reminders and escalation (ADR 0016). The register learns who a school's Heads and DSLs are; schedules and the
-- Trust calendar are data; every message and every reminder it carries is recorded once.

-- What an adult is at a school beyond the job title (HEAD_OF_SCHOOL, DSL), as HR holds it.
ALTER TABLE adult_assignments ADD COLUMN responsibilities text[] NOT NULL DEFAULT '{}';
CREATE INDEX adult_assignments_responsible_idx ON adult_assignments (school_urn) WHERE responsibilities <> '{}';

-- One schedule per kind; the defaults below are what an empty database starts with.
CREATE TABLE reminder_schedules (
    kind                varchar(32)  PRIMARY KEY,
    enabled             boolean      NOT NULL,
    days_before         integer[]    NOT NULL,
    on_due_date         boolean      NOT NULL,
    after_days          integer,
    repeat_every_days   integer,
    max_sends           integer      NOT NULL CHECK (max_sends >= 1),
    expires_after_days  integer,
    version             bigint       NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL
);
INSERT INTO reminder_schedules VALUES
    ('POLICY_ACKNOWLEDGEMENT',     true, '{7,1}', true,  3,    3,    5, NULL, 1, now(), now()),
    ('JOINER_WELCOME',             true, '{}',    true,  NULL, NULL, 1, 14,   1, now(), now()),
    ('OVERDUE_ESCALATION',         true, '{}',    false, 3,    NULL, 1, NULL, 1, now(), now()),
    ('DECLARATION_RECONFIRMATION', true, '{14}',  true,  7,    7,    4, NULL, 1, now(), now()),
    ('DECLARATION_REVIEW',         true, '{}',    false, 5,    7,    3, NULL, 1, now(), now()),
    ('SOCIAL_ACCOUNT_REVIEW',      true, '{}',    true,  14,   14,   3, NULL, 1, now(), now());

-- The Trust calendar: closures of one school (school_urn) or of every school (NULL). Replaced as a whole by PUT.
CREATE TABLE calendar_closures (
    id          uuid          PRIMARY KEY,
    school_urn  varchar(6)    REFERENCES schools (urn),
    start_date  date          NOT NULL,
    end_date    date          NOT NULL,
    label       varchar(200)  NOT NULL,
    CHECK (end_date >= start_date)
);
CREATE INDEX calendar_closures_school_idx ON calendar_closures (school_urn, start_date);

-- The calendar's version, for its ETag (one row).
CREATE TABLE calendar_state (
    singleton   boolean      PRIMARY KEY DEFAULT true CHECK (singleton),
    version     bigint       NOT NULL,
    updated_at  timestamptz  NOT NULL
);
INSERT INTO calendar_state VALUES (true, 1, now());

-- One message to one recipient: a reminder to an adult, or a Head's digest of several. Its email is an outbox row:
-- claimed under a lease, sent, and marked SENT fenced by the lease (ADR 0016).
CREATE TABLE reminder_messages (
    id                  uuid          PRIMARY KEY,
    kind                varchar(32)   NOT NULL,
    -- the stage of an adult's reminder; DIGEST for a Head's digest
    stage               varchar(16)   NOT NULL,
    school_urn          varchar(6)    NOT NULL REFERENCES schools (urn),
    recipient_adult_id  uuid          NOT NULL REFERENCES adults (id),
    context             jsonb         NOT NULL,
    item_count          integer       NOT NULL,
    created_at          timestamptz   NOT NULL,
    email_status        varchar(16)   NOT NULL CHECK (email_status IN ('PENDING', 'SENT', 'FAILED', 'NOT_SENT')),
    attempts            integer       NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz,
    lease_id            uuid,
    lease_until         timestamptz,
    sent_at             timestamptz,
    last_error          varchar(300)
);
CREATE INDEX reminder_messages_pending_idx ON reminder_messages (next_attempt_at) WHERE email_status = 'PENDING';
CREATE INDEX reminder_messages_recipient_idx ON reminder_messages (recipient_adult_id, created_at, id);

-- One reminder of one stage about one thing (subject_key) for one recipient: recorded once, ever (the unique key is
-- the exactly-once guarantee). A digest's reminders share its message.
CREATE TABLE reminders (
    id                  uuid          PRIMARY KEY,
    message_id          uuid          NOT NULL REFERENCES reminder_messages (id),
    kind                varchar(32)   NOT NULL,
    stage               varchar(16)   NOT NULL,
    ordinal             smallint      NOT NULL,
    subject_key         varchar(200)  NOT NULL,
    school_urn          varchar(6)    NOT NULL REFERENCES schools (urn),
    recipient_adult_id  uuid          NOT NULL REFERENCES adults (id),
    about_adult_id      uuid          REFERENCES adults (id),
    subject_ref         uuid,
    due_date            date,
    created_at          timestamptz   NOT NULL,
    UNIQUE (kind, subject_key, recipient_adult_id, stage)
);
CREATE INDEX reminders_subject_idx ON reminders (kind, subject_key, recipient_adult_id, ordinal);
CREATE INDEX reminders_about_idx ON reminders (about_adult_id, school_urn, subject_ref) WHERE kind = 'POLICY_ACKNOWLEDGEMENT';
CREATE INDEX reminders_message_idx ON reminders (message_id);

-- A requirement first seen overdue: published once as requirement.overdue.
CREATE TABLE overdue_notices (
    subject_key  varchar(200)  PRIMARY KEY,
    id           uuid          NOT NULL UNIQUE,
    adult_id     uuid          NOT NULL REFERENCES adults (id),
    school_urn   varchar(6)    NOT NULL REFERENCES schools (urn),
    noticed_at   timestamptz   NOT NULL
);
