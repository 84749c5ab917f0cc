-- Security-relevant events. Append-only: nothing in Kleur updates or deletes a row, and the
-- database refuses it too (triggers below), except that erasing a person may clear the two
-- person references. `detail` never holds personal content: a role name, a setting key, a count.
CREATE TABLE audit_log (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    event TEXT NOT NULL,
    -- Who did it (NULL: the system, or a person since erased).
    actor_id TEXT,
    -- Whom it concerns (NULL: nobody, or a person since erased).
    subject_id TEXT,
    detail TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (organisation_id, id)
);
CREATE INDEX audit_log_time ON audit_log (organisation_id, occurred_at);
CREATE INDEX audit_log_subject ON audit_log (organisation_id, subject_id, event, occurred_at);
CREATE INDEX audit_log_actor ON audit_log (organisation_id, actor_id);

-- How long an organisation keeps data that has served its purpose; NULL keeps it.
CREATE TABLE retention_settings (
    organisation_id TEXT NOT NULL PRIMARY KEY REFERENCES organisations (id),
    closed_feedback_days BIGINT,
    check_in_days BIGINT,
    updated_at TEXT NOT NULL
);

-- only:sqlite
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NEW.organisation_id IS NOT OLD.organisation_id
    OR NEW.id IS NOT OLD.id
    OR NEW.occurred_at IS NOT OLD.occurred_at
    OR NEW.event IS NOT OLD.event
    OR NEW.detail IS NOT OLD.detail
    OR (NEW.actor_id IS NOT NULL AND NEW.actor_id IS NOT OLD.actor_id)
    OR (NEW.subject_id IS NOT NULL AND NEW.subject_id IS NOT OLD.subject_id)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
-- end:sqlite

-- only:postgres
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $body$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the audit log is append-only';
    END IF;
    IF NEW.organisation_id IS DISTINCT FROM OLD.organisation_id
        OR NEW.id IS DISTINCT FROM OLD.id
        OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at
        OR NEW.event IS DISTINCT FROM OLD.event
        OR NEW.detail IS DISTINCT FROM OLD.detail
        OR (NEW.actor_id IS NOT NULL AND NEW.actor_id IS DISTINCT FROM OLD.actor_id)
        OR (NEW.subject_id IS NOT NULL AND NEW.subject_id IS DISTINCT FROM OLD.subject_id) THEN
        RAISE EXCEPTION 'the audit log is append-only';
    END IF;
    RETURN NEW;
END
$body$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
-- end:postgres
