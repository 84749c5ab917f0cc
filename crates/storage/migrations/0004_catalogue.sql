-- The talent catalogue per organisation: talents and core qualities (with Ofman's quadrant) that
-- people pick from in their portfolio, managed by HR. An organisation starts with a copy of
-- Kleur's default catalogue. Entries are never deleted, only retired, so portfolio items that
-- refer to them (by catalogue_key, with their own title text) never break.

CREATE TABLE catalogue_categories (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    category_key TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, category_key)
);

CREATE TABLE catalogue_entries (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    entry_key TEXT NOT NULL,
    -- talent | core_quality
    kind TEXT NOT NULL,
    category_key TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    description_nl TEXT NOT NULL,
    description_en TEXT NOT NULL,
    -- JSON arrays of lower-case search words.
    synonyms_nl TEXT NOT NULL DEFAULT '[]',
    synonyms_en TEXT NOT NULL DEFAULT '[]',
    -- Ofman's core quadrant: present for a core quality, NULL for a talent.
    pitfall_nl TEXT,
    challenge_nl TEXT,
    allergy_nl TEXT,
    pitfall_en TEXT,
    challenge_en TEXT,
    allergy_en TEXT,
    -- The names, folded (lower case, no accents, single spaces), so that a name is unique per
    -- language within the organisation whatever its case or accents.
    name_nl_folded TEXT NOT NULL,
    name_en_folded TEXT NOT NULL,
    -- Names and synonyms of both languages, folded and joined by " | ", for searching.
    search_text TEXT NOT NULL,
    -- Set when HR retires the entry: gone from suggestions, kept for what refers to it.
    retired_at TEXT,
    -- Raised on every change; an edit based on an older version is refused, not lost.
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, entry_key),
    FOREIGN KEY (organisation_id, category_key) REFERENCES catalogue_categories (organisation_id, category_key)
);
CREATE UNIQUE INDEX catalogue_entries_name_nl ON catalogue_entries (organisation_id, name_nl_folded);
CREATE UNIQUE INDEX catalogue_entries_name_en ON catalogue_entries (organisation_id, name_en_folded);
CREATE INDEX catalogue_entries_list ON catalogue_entries (organisation_id, retired_at, kind, category_key);
