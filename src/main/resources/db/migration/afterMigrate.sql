-- Runs after every migration (a Flyway callback). With two database roles — SMP_DB_MIGRATION_USERNAME owns the schema
-- and runs the migrations, SMP_DB_USERNAME is the application's own login — the application's role gets what it needs
-- and nothing that could rewrite the record: no UPDATE or DELETE on the append-only tables, no DELETE on the
-- safeguarding and retention tables (disposal goes through smp_dispose), no TRUNCATE, no DDL. With one role (the
-- fallback, and dev mode) nothing is changed: the owner can do anything, and only the signed audit checkpoints tell.
DO
$$
DECLARE
    app    text := '${runtime_role}';
    schema text := current_schema();
BEGIN
    IF app = '' OR app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema, app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema, app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema, app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_checkpoints, concern_evidence,'
        || ' concern_timeline, acknowledgements, family_nil_returns, disposal_certificates FROM %I', app);
    EXECUTE format('REVOKE DELETE, TRUNCATE ON concerns, family_declarations, policy_versions, policy_local_texts,'
        || ' policy_reviews, disposal_runs,'
        || ' legal_holds, retention_changes, retention_rules FROM %I', app);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION smp_dispose(text, text[]) TO %I', app);
END
$$;
