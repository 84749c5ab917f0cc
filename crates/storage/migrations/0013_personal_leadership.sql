-- Check-ins: private by default. Each row is one person's answers on one day (a second check-in
-- the same day replaces the first). Scores are 1-5.
CREATE TABLE checkins (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    -- ISO date (YYYY-MM-DD) of the check-in.
    checked_on TEXT NOT NULL,
    energy BIGINT NOT NULL,
    workload BIGINT NOT NULL,
    stress BIGINT NOT NULL,
    autonomy BIGINT NOT NULL,
    learning BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    UNIQUE (organisation_id, person_id, checked_on),
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX checkins_day ON checkins (organisation_id, checked_on);

-- The employee's choices: rhythm and reminders, and what (if anything) their manager may see.
CREATE TABLE checkin_settings (
    organisation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    -- weekly, fortnightly or monthly.
    rhythm TEXT NOT NULL,
    reminders BIGINT NOT NULL DEFAULT 1,
    -- The period (rhythm:start date) of the last reminder, so each period gets at most one.
    last_reminded_period TEXT,
    -- 0: nothing shared; otherwise the manager sees averages over this many weeks.
    share_weeks BIGINT NOT NULL DEFAULT 0,
    -- 1: the notes of those weeks are shared as well.
    share_notes BIGINT NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, person_id),
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX checkin_settings_reminders ON checkin_settings (rhythm, reminders);

-- Development conversations (ontwikkelgesprek). The organisation's cycle: how many a year, and
-- the themes (one per line) a conversation may take.
CREATE TABLE conversation_cycles (
    organisation_id TEXT NOT NULL,
    per_year BIGINT NOT NULL,
    themes TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id)
);

-- One conversation between an employee and their manager. Only these two read it. The record
-- (agreements and actions) carries a version; each party's confirmation names the version they
-- confirmed, so a change after confirming asks both to confirm again.
CREATE TABLE conversations (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    employee_id TEXT NOT NULL,
    manager_id TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '',
    planned_on TEXT NOT NULL,
    held_on TEXT,
    agreements TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    employee_confirmed BIGINT,
    manager_confirmed BIGINT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, employee_id) REFERENCES people (organisation_id, id),
    FOREIGN KEY (organisation_id, manager_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX conversations_employee ON conversations (organisation_id, employee_id, planned_on);
CREATE INDEX conversations_manager ON conversations (organisation_id, manager_id, planned_on);

-- The shared agenda: a portfolio item, a goal or a shared feedback round (kind + ref_id, shown
-- only while the other party may see it), or a topic in words.
CREATE TABLE conversation_items (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    ref_id TEXT,
    text TEXT NOT NULL DEFAULT '',
    added_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id)
);
CREATE INDEX conversation_items_conversation ON conversation_items (organisation_id, conversation_id, created_at);

-- Follow-up actions of the record, each for one of the two.
CREATE TABLE conversation_actions (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    text TEXT NOT NULL,
    -- employee or manager.
    owner TEXT NOT NULL,
    due_on TEXT,
    done BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id)
);
CREATE INDEX conversation_actions_conversation ON conversation_actions (organisation_id, conversation_id, created_at);

-- Each party's own notes: read and written only by their author.
CREATE TABLE conversation_notes (
    organisation_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, conversation_id, person_id),
    FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id),
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);

-- The learning-organisation programme per unit: the four phases (verklaren, laden, beleven,
-- verankeren) with the date each was reached, and the activities in each phase.
CREATE TABLE programme_phases (
    organisation_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    phase TEXT NOT NULL,
    reached_on TEXT NOT NULL,
    PRIMARY KEY (organisation_id, unit_id, phase),
    FOREIGN KEY (organisation_id, unit_id) REFERENCES units (organisation_id, id)
);

CREATE TABLE programme_activities (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    phase TEXT NOT NULL,
    title TEXT NOT NULL,
    held_on TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, unit_id) REFERENCES units (organisation_id, id)
);
CREATE INDEX programme_activities_unit ON programme_activities (organisation_id, unit_id, held_on);

-- Ambassadors (front runners) per unit, with the dates they were informed, enthused, trained.
CREATE TABLE ambassadors (
    organisation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    informed_on TEXT,
    enthused_on TEXT,
    trained_on TEXT,
    appointed_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, person_id),
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
    FOREIGN KEY (organisation_id, unit_id) REFERENCES units (organisation_id, id)
);
CREATE INDEX ambassadors_unit ON ambassadors (organisation_id, unit_id);

-- Training sessions in which an ambassador trains colleagues: who trained whom, for the cascade.
CREATE TABLE training_sessions (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    trainer_id TEXT NOT NULL,
    held_on TEXT NOT NULL,
    topic TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, trainer_id) REFERENCES people (organisation_id, id)
);
CREATE TABLE training_participants (
    organisation_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    PRIMARY KEY (organisation_id, session_id, person_id),
    FOREIGN KEY (organisation_id, session_id) REFERENCES training_sessions (organisation_id, id),
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);

-- Team sessions in which a team turns the idea into behavioural intentions (gedragsvoornemens),
-- each with an owner, revisited later: kept, adjusted or dropped.
CREATE TABLE team_sessions (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    title TEXT NOT NULL,
    held_on TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, unit_id) REFERENCES units (organisation_id, id)
);
CREATE INDEX team_sessions_unit ON team_sessions (organisation_id, unit_id, held_on);
CREATE TABLE intentions (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    text TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    -- open, kept, adjusted or dropped.
    status TEXT NOT NULL DEFAULT 'open',
    revisited_on TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, session_id) REFERENCES team_sessions (organisation_id, id),
    FOREIGN KEY (organisation_id, owner_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX intentions_session ON intentions (organisation_id, session_id);
