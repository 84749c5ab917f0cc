-- 360° feedback that the employee starts. Anonymity is built into what is stored:
-- * feedback_invitations says who was asked and whether they answered, nothing of what;
-- * feedback_responses and feedback_comments say what was answered, by which group, nothing of
--   who or when: random (v4) ids, no timestamps, and on SQLite no rowid (/*WITHOUT_ROWID*/ becomes
--   WITHOUT ROWID there), so not even the physical order follows submission. When a round closes,
--   its responses are rewritten in random order and groups below the threshold are merged into
--   'others' in the stored rows themselves (see docs/feedback-anonymity.md).

CREATE TABLE feedback_questionnaires (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    version BIGINT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    scale_points BIGINT NOT NULL,
    -- JSON list of items: key, kind (rating|open), competence, text_nl, text_en.
    items TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id, version)
);

CREATE TABLE feedback_rounds (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    questionnaire_id TEXT NOT NULL,
    questionnaire_version BIGINT NOT NULL,
    title TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status TEXT NOT NULL,
    min_respondents BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    closed_at TEXT,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, subject_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX feedback_rounds_subject ON feedback_rounds (organisation_id, subject_id);

CREATE TABLE feedback_invitations (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    round_id TEXT NOT NULL,
    rater_group TEXT NOT NULL,
    person_id TEXT,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    submitted BIGINT NOT NULL DEFAULT 0,
    -- The rater's unsent draft, only until they submit; deleted in the submitting transaction.
    draft TEXT,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, round_id) REFERENCES feedback_rounds (organisation_id, id)
);
CREATE INDEX feedback_invitations_round ON feedback_invitations (organisation_id, round_id);
CREATE INDEX feedback_invitations_person ON feedback_invitations (organisation_id, person_id);

CREATE TABLE feedback_responses (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    round_id TEXT NOT NULL,
    rater_group TEXT NOT NULL,
    -- JSON object: item key -> rating (null = cannot judge).
    ratings TEXT NOT NULL,
    PRIMARY KEY (organisation_id, round_id, id)
) /*WITHOUT_ROWID*/;

CREATE TABLE feedback_comments (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    round_id TEXT NOT NULL,
    item_key TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (organisation_id, round_id, id)
) /*WITHOUT_ROWID*/;
