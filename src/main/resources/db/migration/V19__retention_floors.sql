-- Issue 24: every record class has a statutory or IRMS minimum period (RecordClass.floor(), cited there and in the
-- README); a shorter period is refused here too, whoever writes the table. RetentionFloorsTest keeps the floors equal
-- to the Java enum's.
CREATE FUNCTION retention_floor(p_class text) RETURNS interval
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
END
$$;

CREATE FUNCTION retention_rules_respect_floors() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF retention_floor(NEW.record_class) IS NULL THEN
        RAISE EXCEPTION 'no retention floor for class %', NEW.record_class USING ERRCODE = 'check_violation';
    END IF;
    IF (date '2000-01-01' + NEW.period::interval) < (date '2000-01-01' + retention_floor(NEW.record_class)) THEN
        RAISE EXCEPTION 'retention period of % is below its floor', NEW.record_class USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER retention_rules_floor BEFORE INSERT OR UPDATE ON retention_rules
    FOR EACH ROW EXECUTE FUNCTION retention_rules_respect_floors();
