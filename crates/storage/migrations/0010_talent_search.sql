-- The talent directory's inverted index: the normalised (folded, stemmed) terms of every live,
-- searchable portfolio item, with the item's owner, section and visibility copied in, so a
-- search reads only this table's index and applies the visibility rule in the query. Written in
-- the same transaction as every change to the item (kleur_storage::search), so it is never
-- behind on any node.
CREATE TABLE portfolio_terms (
    organisation_id TEXT NOT NULL,
    term TEXT NOT NULL,
    visibility TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    section TEXT NOT NULL,
    -- How much a match on this term counts: catalogue entry and title above body text.
    weight BIGINT NOT NULL,
    -- Clustered on what a search reads (one range per term, visibility first), so a search
    -- touches no other structure; an item's terms are found for rewriting by the index below.
    PRIMARY KEY (organisation_id, term, visibility, owner_id, item_id)
) /*WITHOUT_ROWID*/;
CREATE INDEX portfolio_terms_item ON portfolio_terms (organisation_id, item_id);

-- The talents a unit says it needs, recorded by its manager, for the team talent map's gaps.
CREATE TABLE unit_needed_talents (
    organisation_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    entry_key TEXT NOT NULL,
    -- The level (1–5) the team needs at least; NULL when any level will do.
    min_level BIGINT,
    set_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, unit_id, entry_key),
    FOREIGN KEY (organisation_id, unit_id) REFERENCES units (organisation_id, id)
);
