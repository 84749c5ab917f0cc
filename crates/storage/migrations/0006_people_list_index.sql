-- The people list counts and pages active people by name: one index that covers both, so a
-- count of 100,000 people reads the index only.
CREATE INDEX people_active_name ON people (organisation_id, active, display_name, id);
DROP INDEX people_name;
