-- Official school social-media accounts (policy clauses 8.1-8.2) and the public register of the ACTIVE ones.

CREATE TABLE social_accounts (
    id                   uuid          PRIMARY KEY,
    school_urn           varchar(6)    NOT NULL REFERENCES schools (urn),
    platform             varchar(24)   NOT NULL CHECK (platform IN ('X', 'FACEBOOK', 'INSTAGRAM', 'YOUTUBE', 'TIKTOK',
                                                                    'LINKEDIN', 'BLUESKY', 'THREADS',
                                                                    'WHATSAPP_CHANNEL', 'OTHER')),
    -- normalised by the Canonicalizer (ADR 0007); lower case except case-sensitive channel ids
    handle               varchar(300)  NOT NULL,
    canonical_url        varchar(400)  NOT NULL,
    purpose              varchar(16)   NOT NULL CHECK (purpose IN ('PEDAGOGICAL', 'BUSINESS')),
    reason               varchar(4000) NOT NULL CHECK (char_length(btrim(reason)) >= 50),
    status               varchar(16)   NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED', 'ACTIVE',
                                                                  'SUSPENDED', 'RETIRED')),
    proposer_subject     varchar(255)  NOT NULL,
    proposer_adult_id    uuid          REFERENCES adults (id),
    proposed_at          timestamptz   NOT NULL,
    approved_at          timestamptz,
    review_due           date,
    reviewed_at          timestamptz,
    rejected_at          timestamptz,
    rejection_reason     varchar(2000),
    live_since           timestamptz,
    suspended_at         timestamptz,
    suspension_reason    varchar(2000),
    retired_at           timestamptz,
    retirement_reason    varchar(2000),
    -- last time the account entered, left or changed on the register (NULL: never listed); monotonic in commit order
    register_updated_at  timestamptz,
    idempotency_key      varchar(128),
    request_hash         varchar(64),
    version              bigint        NOT NULL,
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL
);
-- One live account (or proposal) per platform handle across the Trust; a rejected or retired handle may be proposed again.
CREATE UNIQUE INDEX social_accounts_live_handle ON social_accounts (platform, handle)
    WHERE status IN ('PROPOSED', 'APPROVED', 'ACTIVE', 'SUSPENDED');
CREATE UNIQUE INDEX social_accounts_idempotency ON social_accounts (proposer_subject, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX social_accounts_school_idx ON social_accounts (school_urn, proposed_at, id);
CREATE INDEX social_accounts_listing_idx ON social_accounts (proposed_at, id);
-- The register: ACTIVE accounts by school, and every account ever listed by its last register change.
CREATE INDEX social_accounts_active_idx ON social_accounts (school_urn, id) WHERE status = 'ACTIVE';
CREATE INDEX social_accounts_register_idx ON social_accounts (register_updated_at, id)
    WHERE register_updated_at IS NOT NULL;
CREATE INDEX social_accounts_review_idx ON social_accounts (review_due)
    WHERE status IN ('APPROVED', 'ACTIVE', 'SUSPENDED');

CREATE TABLE social_account_administrators (
    account_id  uuid     NOT NULL REFERENCES social_accounts (id),
    position    integer  NOT NULL,
    adult_id    uuid     NOT NULL REFERENCES adults (id),
    PRIMARY KEY (account_id, position),
    UNIQUE (account_id, adult_id)
);
CREATE INDEX social_account_administrators_adult_idx ON social_account_administrators (adult_id);
