-- The talent directory searches an index each node keeps in memory (kleur_storage::search_index),
-- built from the portfolio items and the people. The database tells every node what changed:
-- triggers append the person concerned to `search_changes` in the same transaction as every
-- change to a portfolio item, a person (name, unit, manager, active) or their availability, and
-- each search first applies what was appended since its node last looked. So a narrowed
-- visibility stops matching with the next search on every node, and no code path can forget
-- to tell the index: a change made straight in the database is seen too.
-- The terms table the database index used is no longer read.
DROP TABLE portfolio_terms;

-- only:sqlite
-- AUTOINCREMENT: an id is never handed out twice, even after the newest rows were pruned, so a
-- node's "seen up to" stays meaningful. SQLite has one writer at a time: ids commit in order.
CREATE TABLE search_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    -- Seconds since 1970, for pruning.
    changed_at BIGINT NOT NULL
);
CREATE INDEX search_changes_organisation ON search_changes (organisation_id, id);

CREATE TRIGGER search_changes_people_insert AFTER INSERT ON people
BEGIN
    INSERT INTO search_changes (organisation_id, person_id, changed_at)
    VALUES (NEW.organisation_id, NEW.id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER search_changes_people_update
AFTER UPDATE OF display_name, unit_id, manager_id, active ON people
BEGIN
    INSERT INTO search_changes (organisation_id, person_id, changed_at)
    VALUES (NEW.organisation_id, NEW.id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER search_changes_people_delete AFTER DELETE ON people
BEGIN
    INSERT INTO search_changes (organisation_id, person_id, changed_at)
    VALUES (OLD.organisation_id, OLD.id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER search_changes_items_insert AFTER INSERT ON portfolio_items
BEGIN
    INSERT INTO search_changes (organisation_id, person_id, changed_at)
    VALUES (NEW.organisation_id, NEW.owner_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER search_changes_items_update AFTER UPDATE ON portfolio_items
BEGIN
    INSERT INTO search_changes (organisation_id, person_id, changed_at)
    VALUES (NEW.organisation_id, NEW.owner_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER search_changes_items_delete AFTER DELETE ON portfolio_items
BEGIN
    INSERT INTO search_changes (organisation_id, person_id, changed_at)
    VALUES (OLD.organisation_id, OLD.owner_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER search_changes_availability_insert AFTER INSERT ON person_availability
BEGIN
    INSERT INTO search_changes (organisation_id, person_id, changed_at)
    VALUES (NEW.organisation_id, NEW.person_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER search_changes_availability_update AFTER UPDATE ON person_availability
BEGIN
    INSERT INTO search_changes (organisation_id, person_id, changed_at)
    VALUES (NEW.organisation_id, NEW.person_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER search_changes_availability_delete AFTER DELETE ON person_availability
BEGIN
    INSERT INTO search_changes (organisation_id, person_id, changed_at)
    VALUES (OLD.organisation_id, OLD.person_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
-- end:sqlite

-- only:postgres
CREATE TABLE search_changes (
    id BIGSERIAL PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
CREATE INDEX search_changes_organisation ON search_changes (organisation_id, id);

-- Writers of one organisation take a transaction-long advisory lock before they take an id, so
-- ids commit in order: a node that has seen id n can never later find a committed id below n.
CREATE FUNCTION search_changes_record() RETURNS trigger AS $body$
DECLARE
    changed RECORD;
    person TEXT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    IF TG_TABLE_NAME = 'people' THEN
        person := changed.id;
    ELSIF TG_TABLE_NAME = 'portfolio_items' THEN
        person := changed.owner_id;
    ELSE
        person := changed.person_id;
    END IF;
    PERFORM pg_advisory_xact_lock(715, hashtext(changed.organisation_id));
    INSERT INTO search_changes (organisation_id, person_id, changed_at)
    VALUES (changed.organisation_id, person, CAST(EXTRACT(EPOCH FROM now()) AS BIGINT));
    RETURN NULL;
END
$body$ LANGUAGE plpgsql;
CREATE TRIGGER search_changes_people AFTER INSERT OR DELETE OR UPDATE OF display_name, unit_id, manager_id, active
    ON people FOR EACH ROW EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER search_changes_items AFTER INSERT OR UPDATE OR DELETE
    ON portfolio_items FOR EACH ROW EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER search_changes_availability AFTER INSERT OR UPDATE OR DELETE
    ON person_availability FOR EACH ROW EXECUTE FUNCTION search_changes_record();
-- end:postgres
