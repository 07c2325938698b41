-- Issue 23, ADR 0023: a concern about indecent images of children or terrorist material keeps no files. Copying such
-- an image is itself an offence (Protection of Children Act 1978 s.1, Criminal Justice Act 1988 s.160), and UKCIS
-- guidance for schools says staff must not view, copy, store or share it; Prevent guidance says terrorist material is
-- reported to the police, never downloaded or passed on. The report keeps text only (where, when, which platform); the
-- service refuses the upload with guidance (ConcernCategory.keepsFiles), and this trigger backs the rule for any
-- writer of the table.
CREATE FUNCTION concern_evidence_not_for_illegal_material() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM concerns c WHERE c.id = NEW.concern_id
               AND c.category IN ('INDECENT_IMAGES', 'RADICALISATION')) THEN
        RAISE EXCEPTION 'a concern of this category keeps no evidence files (ADR 0023)'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER concern_evidence_not_for_illegal_material BEFORE INSERT ON concern_evidence
    FOR EACH ROW EXECUTE FUNCTION concern_evidence_not_for_illegal_material();
