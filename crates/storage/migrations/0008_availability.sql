-- What a person says about being found and asked: for opportunities (internal mobility) and
-- for project teams (team builder, directory "available" filter). Off until they opt in.
CREATE TABLE person_availability (
    organisation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    -- 1: sees opportunities matched to them and may be suggested to whoever posts one.
    open_to_opportunities BIGINT NOT NULL DEFAULT 0,
    -- 1: may be proposed for project teams and shows as available in the directory.
    open_to_teams BIGINT NOT NULL DEFAULT 0,
    -- Hours a week free for a project or assignment; NULL when not said.
    hours_per_week BIGINT,
    -- ISO date from which they are available; NULL when now.
    available_from TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, person_id),
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX person_availability_teams ON person_availability (organisation_id, open_to_teams);
CREATE INDEX person_availability_opportunities ON person_availability (organisation_id, open_to_opportunities);
