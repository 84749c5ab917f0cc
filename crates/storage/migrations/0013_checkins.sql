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
