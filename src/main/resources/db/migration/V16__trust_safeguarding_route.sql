-- Issue 23, ADR 0024: a concern nobody at the school could handle — it names the school's only Head or DSL, or the
-- register names no Head or DSL there — and every allegation about a Head goes to the Trust's safeguarding route
-- (the trust-dsl role). Decided when the concern is raised and part of the report: never changed afterwards (the
-- immutability trigger of V11/V13 now covers it; disposal keeps its V13 exception).
ALTER TABLE concerns ADD COLUMN trust_routed boolean NOT NULL DEFAULT false;
CREATE INDEX concerns_trust_routed_idx ON concerns (raised_at DESC, id DESC) WHERE trust_routed;

CREATE OR REPLACE FUNCTION concerns_report_is_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF current_setting('smp.disposal', true) = 'on' THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'a concern is never deleted (clauses 9.2, 9.4)';
    END IF;
    IF (NEW.id, NEW.school_urn, NEW.reporter_adult_id, NEW.category, NEW.urgent, NEW.occurred_at, NEW.platform,
        NEW.location_url, NEW.description, NEW.about_pupil_mis_id, NEW.about_adult_id, NEW.about_account_id,
        NEW.canonical_platform, NEW.canonical_handle, NEW.official_account_id, NEW.handling_schools, NEW.raised_at,
        NEW.trust_routed)
       IS DISTINCT FROM
       (OLD.id, OLD.school_urn, OLD.reporter_adult_id, OLD.category, OLD.urgent, OLD.occurred_at, OLD.platform,
        OLD.location_url, OLD.description, OLD.about_pupil_mis_id, OLD.about_adult_id, OLD.about_account_id,
        OLD.canonical_platform, OLD.canonical_handle, OLD.official_account_id, OLD.handling_schools, OLD.raised_at,
        OLD.trust_routed)
    THEN
        RAISE EXCEPTION 'the original report of a concern is never changed (clauses 9.2, 9.4)';
    END IF;
    RETURN NEW;
END;
$$;
