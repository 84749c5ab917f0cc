-- Goals that connect top-down and bottom-up: organisation goals per cycle, team goals for a unit,
-- personal goals of an employee. A goal may contribute to one goal a level up (parent_id).

CREATE TABLE goals (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    -- organisation, team or personal.
    level TEXT NOT NULL,
    -- The policy and budget cycle: a year such as 2026.
    cycle BIGINT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- Personal goals: the employee whose goal it is. Kept when a proposal makes it a team goal,
    -- as the colleague it came from.
    owner_id TEXT,
    -- Team goals: the unit.
    unit_id TEXT,
    parent_id TEXT,
    -- Personal goals: chosen by the owner like a portfolio item. Always 'organisation' otherwise.
    visibility TEXT NOT NULL DEFAULT 'private',
    -- The status and percentage of the latest progress update, for lists and aggregates.
    status TEXT NOT NULL DEFAULT 'open',
    progress BIGINT,
    -- Set while the owner's proposal to make this a team goal waits for the manager.
    proposed_at TEXT,
    created_by TEXT NOT NULL,
    -- Raised on every change; an edit based on an older version is refused, not lost.
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, owner_id) REFERENCES people (organisation_id, id),
    FOREIGN KEY (organisation_id, unit_id) REFERENCES units (organisation_id, id),
    FOREIGN KEY (organisation_id, parent_id) REFERENCES goals (organisation_id, id),
    FOREIGN KEY (organisation_id, created_by) REFERENCES people (organisation_id, id)
);
CREATE INDEX goals_cycle ON goals (organisation_id, cycle, level);
CREATE INDEX goals_owner ON goals (organisation_id, owner_id, cycle);
CREATE INDEX goals_unit ON goals (organisation_id, unit_id, cycle);
CREATE INDEX goals_parent ON goals (organisation_id, parent_id);

-- Progress updates: a percentage and/or a milestone note, with the status at that moment.
CREATE TABLE goal_progress (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    goal_id TEXT NOT NULL,
    percent BIGINT,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, goal_id) REFERENCES goals (organisation_id, id),
    FOREIGN KEY (organisation_id, author_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX goal_progress_goal ON goal_progress (organisation_id, goal_id, created_at);

-- The history of a goal: created, proposed to the team, accepted or declined; by whom, when.
CREATE TABLE goal_events (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    goal_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, goal_id) REFERENCES goals (organisation_id, id),
    FOREIGN KEY (organisation_id, actor_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX goal_events_goal ON goal_events (organisation_id, goal_id, created_at);
