-- Kleur foundation schema. One text for SQLite and PostgreSQL: identifiers and times are TEXT
-- (UUID v7, RFC 3339 UTC with fixed width so they sort), numbers BIGINT, flags BIGINT 0/1.
-- Every tenant-owned table has organisation_id first in its primary key and its indexes.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    default_locale TEXT NOT NULL DEFAULT 'nl',
    created_at TEXT NOT NULL
);

CREATE TABLE units (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    id TEXT NOT NULL,
    parent_id TEXT,
    name TEXT NOT NULL,
    path_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    UNIQUE (organisation_id, path_key),
    FOREIGN KEY (organisation_id, parent_id) REFERENCES units (organisation_id, id)
);
CREATE INDEX units_parent ON units (organisation_id, parent_id);

CREATE TABLE people (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    id TEXT NOT NULL,
    employee_number TEXT,
    display_name TEXT NOT NULL,
    email TEXT NOT NULL,
    function_title TEXT NOT NULL DEFAULT '',
    unit_id TEXT,
    manager_id TEXT,
    password_hash TEXT,
    locale TEXT,
    active BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    UNIQUE (organisation_id, email),
    UNIQUE (organisation_id, employee_number),
    FOREIGN KEY (organisation_id, unit_id) REFERENCES units (organisation_id, id),
    FOREIGN KEY (organisation_id, manager_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX people_unit ON people (organisation_id, unit_id);
CREATE INDEX people_manager ON people (organisation_id, manager_id);
CREATE INDEX people_name ON people (organisation_id, display_name);
CREATE INDEX people_login ON people (email);

CREATE TABLE person_roles (
    organisation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (organisation_id, person_id, role),
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);

-- Sessions are found by the hash of their secret token, so that token is the key; the tenant
-- comes right after it and every lookup checks it against the person.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX sessions_person ON sessions (organisation_id, person_id);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT,
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);
CREATE UNIQUE INDEX api_tokens_id ON api_tokens (organisation_id, id);

-- Failed sign-ins, by a hash of the e-mail address typed, for rate limiting across nodes.
CREATE TABLE login_failures (
    subject_hash TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject_hash, failed_at);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);

-- Mail is written here in the same transaction as the change that causes it, and sent by a
-- worker. claimed_until is a lease so that two nodes never send the same message at once.
CREATE TABLE outbox (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_until TEXT,
    sent_at TEXT,
    transport TEXT,
    last_error TEXT,
    PRIMARY KEY (organisation_id, id)
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);
