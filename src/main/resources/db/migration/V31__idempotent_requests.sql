-- One Idempotency-Key mechanism for every creating POST (issue 22): the key, per operation and caller (the token's
-- subject), the fingerprint of the first request under it, and what it created. Kept 7 days. Keys given before this
-- migration lived on the created rows (concerns, acknowledgements, declarations, accounts); those columns stay for the
-- record but are no longer read.
CREATE TABLE idempotent_requests (
    operation    varchar(64)   NOT NULL,
    caller       varchar(255)  NOT NULL,
    key          varchar(128)  NOT NULL,
    fingerprint  varchar(64)   NOT NULL,
    target_id    varchar(64),
    -- whether the first request created target_id (201) or found it (200)
    first_created boolean      NOT NULL DEFAULT true,
    created_at   timestamptz   NOT NULL,
    PRIMARY KEY (operation, caller, key)
);
CREATE INDEX idempotent_requests_created_idx ON idempotent_requests (created_at);
