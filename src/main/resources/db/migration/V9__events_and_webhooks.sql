-- Domain events (ADR 0014): written in the transaction of the change they describe, served in (tx_id, position)
-- order and only below the oldest transaction still in flight, so a reader that resumes from its cursor never
-- misses an event that commits later with an earlier position.
CREATE TABLE events (
    position     bigserial   NOT NULL,
    tx_id        xid8        NOT NULL DEFAULT pg_current_xact_id(),
    id           uuid        NOT NULL,
    type         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    school_urn   text,
    data         jsonb       NOT NULL,
    PRIMARY KEY (tx_id, position),
    CONSTRAINT events_id_unique UNIQUE (id)
);
CREATE INDEX events_occurred_at_idx ON events (occurred_at);
CREATE INDEX events_school_idx ON events (school_urn, tx_id, position);

-- The greatest feed position disposed of by retention: a cursor at or below it may have missed events (410).
CREATE TABLE event_feed_horizon (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    tx_id     xid8    NOT NULL,
    position  bigint  NOT NULL
);
INSERT INTO event_feed_horizon (tx_id, position) VALUES ('0'::xid8, 0);

CREATE TABLE webhook_endpoints (
    id                    uuid        PRIMARY KEY,
    url                   text        NOT NULL,
    description           text,
    event_types           text[]      NOT NULL DEFAULT '{}',
    school_filter         text[]      NOT NULL DEFAULT '{}',
    identity_role         text        NOT NULL,
    identity_schools      text[]      NOT NULL DEFAULT '{}',
    enabled               boolean     NOT NULL,
    disabled_reason       text,
    secret                text        NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    cursor_tx             xid8        NOT NULL,
    cursor_position       bigint      NOT NULL,
    failing_since         timestamptz,
    version               bigint      NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              uuid        PRIMARY KEY,
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    leased_until    timestamptz,
    lease_id        uuid,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at, id);
-- each event reaches each endpoint once: a second fan-out of the same event is refused by the database
CREATE UNIQUE INDEX webhook_deliveries_event_idx ON webhook_deliveries (endpoint_id, event_id);

CREATE TABLE webhook_attempts (
    id               bigserial   PRIMARY KEY,
    delivery_id      uuid        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at     timestamptz NOT NULL,
    status_code      integer,
    duration_ms      integer     NOT NULL,
    error_class      text,
    response_excerpt text
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id);
