-- Records that must never be changed or deleted by the application are deleted only through this function (issue 24,
-- ADR 0018): it runs as the role that owns the tables (SECURITY DEFINER), while the application's own database role,
-- when it is a separate role (afterMigrate.sql), holds no UPDATE or DELETE on them at all. It deletes only records
-- that a disposal run in progress has certified (written their certificate items) in the calling transaction's view,
-- so every deletion leaves its record; the append-only triggers give way only inside it.
CREATE FUNCTION smp_dispose(p_table text, p_ids text[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS
$$
DECLARE
    n integer;
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(p_ids) AS i (id)
               WHERE NOT EXISTS (SELECT 1 FROM disposal_certificates c JOIN disposal_runs r ON r.id = c.run_id
                                 WHERE r.status = 'IN_PROGRESS' AND c.record_id = i.id)) THEN
        RAISE EXCEPTION 'only records certified by a disposal run in progress are disposed of'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM set_config('smp.disposal', 'on', true);
    CASE p_table
        WHEN 'audit_events' THEN
            DELETE FROM audit_events WHERE id = ANY (p_ids::bigint[]);
        WHEN 'acknowledgements' THEN
            DELETE FROM acknowledgements WHERE id = ANY (p_ids::uuid[]);
        WHEN 'family_nil_returns' THEN
            DELETE FROM family_nil_returns WHERE id = ANY (p_ids::uuid[]);
        WHEN 'family_declarations' THEN
            DELETE FROM family_declarations WHERE id = ANY (p_ids::uuid[]);
        WHEN 'policy_versions' THEN
            DELETE FROM policy_versions WHERE id = ANY (p_ids::uuid[]);
        WHEN 'concerns' THEN
            DELETE FROM concern_timeline WHERE concern_id = ANY (p_ids::uuid[]);
            DELETE FROM concern_evidence WHERE concern_id = ANY (p_ids::uuid[]);
            DELETE FROM concerns WHERE id = ANY (p_ids::uuid[]);
        ELSE
            RAISE EXCEPTION 'smp_dispose does not dispose of %', p_table;
    END CASE;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('smp.disposal', '', true);
    RETURN n;
END;
$$;
REVOKE ALL ON FUNCTION smp_dispose(text, text[]) FROM PUBLIC;
