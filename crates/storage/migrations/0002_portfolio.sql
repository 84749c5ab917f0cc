-- The employee's portfolio (IPP). Items belong to their owner; visibility is per item.

CREATE TABLE portfolio_items (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    section TEXT NOT NULL,
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL DEFAULT 'private',
    catalogue_key TEXT,
    -- Section-specific fields as a JSON object (evidence, ratings, quadrant, date …).
    details TEXT NOT NULL DEFAULT '{}',
    -- Raised on every change; an edit based on an older version is refused, not lost.
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- Removed items stay for a while so removal can be undone.
    deleted_at TEXT,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, owner_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX portfolio_items_owner ON portfolio_items (organisation_id, owner_id, section, position);

-- An attachment of a result item (certificate, testimonial), base64 so one schema fits both databases.
CREATE TABLE portfolio_files (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    content_base64 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, item_id) REFERENCES portfolio_items (organisation_id, id)
);
CREATE INDEX portfolio_files_item ON portfolio_files (organisation_id, item_id);

-- Who looked at whose portfolio, for the owner to see.
CREATE TABLE portfolio_views (
    organisation_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    viewer_id TEXT NOT NULL,
    viewed_at TEXT NOT NULL,
    FOREIGN KEY (organisation_id, owner_id) REFERENCES people (organisation_id, id),
    FOREIGN KEY (organisation_id, viewer_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX portfolio_views_owner ON portfolio_views (organisation_id, owner_id, viewed_at);
