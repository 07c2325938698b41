-- Issue 24: webhook deliveries and their attempts carry event payloads (staff HR id and pupil MIS id pairs, concern
-- categories); they are a record class of their own, kept by default as long as the event feed keeps events, and
-- disposed of once settled. Floor: a week, so a failed delivery can still be looked into and recovered.
CREATE OR REPLACE FUNCTION retention_floor(p_class text) RETURNS interval
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE p_class
    WHEN 'POLICY_VERSION' THEN interval '3 years'
    WHEN 'ACKNOWLEDGEMENT' THEN interval '6 years'
    WHEN 'NIL_RETURN' THEN interval '6 years'
    WHEN 'FAMILY_DECLARATION' THEN interval '6 years'
    WHEN 'DECLARATION_PUPIL_NAME' THEN interval '1 day'
    WHEN 'CONCERN' THEN interval '6 years'
    WHEN 'CONCERN_CHILD_PROTECTION' THEN interval '25 years'
    WHEN 'REMINDER' THEN interval '1 month'
    WHEN 'AUDIT_EVENT' THEN interval '7 years'
    WHEN 'WEBHOOK_DELIVERY' THEN interval '7 days'
END
$$;

INSERT INTO retention_rules VALUES
    ('WEBHOOK_DELIVERY', 'P90D', 'after the delivery was settled (delivered, failed or dropped)',
     'Operational record: as long as the event feed keeps events (SMP_EVENTS_RETENTION, 90 days)', 1, now());

CREATE INDEX webhook_deliveries_settled_idx ON webhook_deliveries (updated_at) WHERE status <> 'PENDING';
