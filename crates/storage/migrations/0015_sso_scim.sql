-- Single sign-on (OpenID Connect) per organisation and SCIM provisioning tokens.

-- One identity provider per organisation. The client secret is never shown again after saving.
CREATE TABLE sso_configs (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_secret TEXT NOT NULL,
    scopes TEXT NOT NULL,
    -- 'email' or 'employee_number': which of the person's fields the claim is matched against.
    link_by TEXT NOT NULL,
    -- The ID-token claim holding that value.
    link_claim TEXT NOT NULL,
    enabled BIGINT NOT NULL DEFAULT 0,
    sso_only BIGINT NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);

-- A sign-in in progress: found by the hash of its state, used once, expires in minutes.
CREATE TABLE sso_logins (
    state_hash TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    nonce TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    return_to TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX sso_logins_expiry ON sso_logins (expires_at);

-- Which provider subject is which person, remembered at the first sign-in.
CREATE TABLE sso_identities (
    organisation_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    person_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_sign_in_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, subject),
    FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX sso_identities_person ON sso_identities (organisation_id, person_id);

-- Bearer tokens for the SCIM endpoint, one organisation each; only the hash is stored.
CREATE TABLE scim_tokens (
    token_hash TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX scim_tokens_organisation ON scim_tokens (organisation_id, id);

-- The provisioning system's own id for a person or unit (SCIM externalId).
CREATE TABLE scim_external_ids (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    external_id TEXT NOT NULL,
    PRIMARY KEY (organisation_id, resource_type, resource_id),
    UNIQUE (organisation_id, resource_type, external_id)
);
