-- Internal mobility: opportunities posted by managers and HR, the talents they ask for, the
-- interest employees express, invitations to apply, and the outcome.

CREATE TABLE opportunities (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    -- project, assignment, temporary_role, vacancy, job_rotation, mentoring or shadowing.
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    hours_per_week BIGINT NOT NULL,
    -- Months; NULL when open-ended (a vacancy).
    duration_months BIGINT,
    unit_id TEXT,
    location TEXT NOT NULL DEFAULT '',
    -- ISO dates (YYYY-MM-DD); no start date means "as soon as possible".
    start_date TEXT,
    closing_date TEXT NOT NULL,
    -- draft, published, closed or filled.
    status TEXT NOT NULL DEFAULT 'draft',
    poster_id TEXT NOT NULL,
    -- The outcome, recorded when the opportunity is filled or closed.
    outcome_person_id TEXT,
    outcome_note TEXT NOT NULL DEFAULT '',
    published_at TEXT,
    ended_at TEXT,
    -- Raised on every change; an edit based on an older version is refused, not lost.
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, unit_id) REFERENCES units (organisation_id, id),
    FOREIGN KEY (organisation_id, poster_id) REFERENCES people (organisation_id, id),
    FOREIGN KEY (organisation_id, outcome_person_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX opportunities_status ON opportunities (organisation_id, status, closing_date);
CREATE INDEX opportunities_poster ON opportunities (organisation_id, poster_id);

-- The catalogue entries an opportunity asks for: required (1) or nice to have (0).
CREATE TABLE opportunity_talents (
    organisation_id TEXT NOT NULL,
    opportunity_id TEXT NOT NULL,
    entry_key TEXT NOT NULL,
    required BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, opportunity_id, entry_key),
    FOREIGN KEY (organisation_id, opportunity_id) REFERENCES opportunities (organisation_id, id),
    FOREIGN KEY (organisation_id, entry_key) REFERENCES catalogue_entries (organisation_id, entry_key)
);

-- Interest an employee expressed. Withdrawn interest keeps its row (status 'withdrawn') so the
-- person is not suggested again, but it leaves the shortlist at once.
CREATE TABLE opportunity_interest (
    organisation_id TEXT NOT NULL,
    opportunity_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    motivation TEXT NOT NULL DEFAULT '',
    inform_manager BIGINT NOT NULL DEFAULT 0,
    -- interested or withdrawn.
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, opportunity_id, person_id),
    FOREIGN KEY (organisation_id, opportunity_id) REFERENCES opportunities (organisation_id, id),
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX opportunity_interest_person ON opportunity_interest (organisation_id, person_id);

-- The poster (or HR) invited this person to apply.
CREATE TABLE opportunity_invitations (
    organisation_id TEXT NOT NULL,
    opportunity_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    invited_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, opportunity_id, person_id),
    FOREIGN KEY (organisation_id, opportunity_id) REFERENCES opportunities (organisation_id, id),
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
    FOREIGN KEY (organisation_id, invited_by) REFERENCES people (organisation_id, id)
);
