-- SCIM provisioning (issue 29): what the Trust's identity provider (Entra ID, Okta) calls an adult of the register —
-- its userName and its own id (externalId) — beside the register's record, which SCIM writes through the one staff
-- write path. One link per adult; both names unique, userName compared without case (RFC 7643: caseExact false).
CREATE TABLE scim_links (
    adult_id     uuid          PRIMARY KEY REFERENCES adults (id),
    user_name    varchar(254)  NOT NULL,
    external_id  varchar(254),
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL
);
CREATE UNIQUE INDEX scim_links_user_name_idx ON scim_links (lower(user_name));
CREATE UNIQUE INDEX scim_links_external_id_idx ON scim_links (external_id);
