-- A declaration records whether its declarant was a Head of that school when they made it, so that another Head
-- or the Trust (trust-admin) can review it: a Head never reviews their own (clause 6.8).
ALTER TABLE family_declarations ADD COLUMN declared_by_head boolean NOT NULL DEFAULT false;
CREATE INDEX family_declarations_by_head_idx ON family_declarations (school_urn, created_at, id)
    WHERE declared_by_head;

-- A proposal must not reveal another school's unpublished proposal (hardening): handles are unique among approved and
-- live accounts across the Trust, and among proposals within one school.
DROP INDEX social_accounts_live_handle;
CREATE UNIQUE INDEX social_accounts_live_handle ON social_accounts (platform, handle)
    WHERE status IN ('APPROVED', 'ACTIVE', 'SUSPENDED');
CREATE UNIQUE INDEX social_accounts_proposed_handle ON social_accounts (school_urn, platform, handle)
    WHERE status = 'PROPOSED';

-- Finding the adult a token names by verified email, and checking that no one else shares that email.
CREATE INDEX adults_work_email_idx ON adults (work_email);
