-- The public "our social media accounts" page (issue 28): what a school says to parents beside its register entries —
-- platforms it does not use, how it will never contact them, when its accounts are monitored, how to report a fake,
-- and who runs its accounts (a role or team, never a person's name). No personal data. One row per school, versioned.
CREATE TABLE school_public_pages (
    school_urn          varchar(6)     PRIMARY KEY REFERENCES schools (urn),
    platforms_not_used  text[]         NOT NULL DEFAULT '{}',
    never_contact       varchar(1000),
    monitoring_hours    varchar(300),
    report_contact      varchar(300),
    run_by              varchar(120),
    version             bigint         NOT NULL,
    updated_at          timestamptz    NOT NULL
);
