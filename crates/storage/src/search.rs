//! The talent directory's inverted index (`portfolio_terms`) and the queries over it.
//!
//! Every function that writes a portfolio item calls [`index_item`] (or [`index_bulk`]) on the
//! same connection, so the index changes in the item's own transaction: a narrowed visibility or
//! a removed item stops matching at once, on every node. Searches apply the portfolio
//! visibility rule ([`kleur_domain::portfolio::Relation::visible`]) in SQL through
//! [`visible_clause`], so a row the searcher may not see is never read into the application.

use std::collections::BTreeMap;

use kleur_domain::search::{catalogue_term, terms};
use sqlx::Row;

use crate::{Conn, Result};

/// The migration that created the index; applying it fills the index for existing items.
pub const INDEX_MIGRATION: i64 = 10;

/// The sections the directory searches. Reflections (the learning journal) are left out: they
/// are about learning, not about what someone brings.
pub const INDEXED_SECTIONS: &[&str] = &[
    "values",
    "talents",
    "core_qualities",
    "passions",
    "working_style",
    "ambitions",
    "results",
];

const TITLE_WEIGHT: i64 = 3;
const TEXT_WEIGHT: i64 = 1;
const CATALOGUE_WEIGHT: i64 = 4;
/// Longer "words" (pasted links, codes) are not indexed.
const TERM_MAX_CHARS: usize = 40;
const TERMS_PER_ITEM_MAX: usize = 300;

/// The weighted terms of one item; empty for sections the directory does not search.
pub fn item_terms(
    section: &str,
    title: &str,
    body: &str,
    details_json: &str,
    catalogue_key: Option<&str>,
) -> Vec<(String, i64)> {
    if !INDEXED_SECTIONS.contains(&section) {
        return Vec::new();
    }
    let mut weighted: BTreeMap<String, i64> = BTreeMap::new();
    let mut add = |text: &str, weight: i64| {
        for term in terms(text) {
            if term.chars().count() <= TERM_MAX_CHARS {
                let entry = weighted.entry(term).or_insert(weight);
                *entry = (*entry).max(weight);
            }
        }
    };
    add(title, TITLE_WEIGHT);
    add(body, TEXT_WEIGHT);
    let details: serde_json::Value = serde_json::from_str(details_json).unwrap_or_default();
    for field in ["situation", "result"] {
        if let Some(text) = details.get(field).and_then(|v| v.as_str()) {
            add(text, TEXT_WEIGHT);
        }
    }
    let mut out: Vec<(String, i64)> = weighted.into_iter().take(TERMS_PER_ITEM_MAX).collect();
    if let Some(key) = catalogue_key {
        let strength = details
            .get("strength")
            .and_then(|v| v.as_i64())
            .unwrap_or(0);
        out.push((catalogue_term(key), CATALOGUE_WEIGHT + strength));
    }
    out
}

/// One item's terms with what a search needs to know about the item.
#[derive(Debug, Clone)]
pub struct IndexedItem {
    pub item_id: String,
    pub owner_id: String,
    pub section: String,
    pub visibility: String,
    pub terms: Vec<(String, i64)>,
}

/// Inserts the terms of many items (whose old terms are already gone) with few statements.
pub async fn index_bulk(
    conn: &mut Conn,
    organisation_id: &str,
    items: &[IndexedItem],
) -> Result<()> {
    const PER_STATEMENT: usize = 400;
    let mut rows: Vec<(&IndexedItem, &(String, i64))> = items
        .iter()
        .flat_map(|item| item.terms.iter().map(move |term| (item, term)))
        .collect();
    // In key order, so a large load appends to the index instead of inserting all over it.
    rows.sort_unstable_by(|(a, (term_a, _)), (b, (term_b, _))| {
        (term_a, &a.visibility, &a.owner_id, &a.item_id).cmp(&(
            term_b,
            &b.visibility,
            &b.owner_id,
            &b.item_id,
        ))
    });
    for chunk in rows.chunks(PER_STATEMENT) {
        let mut sql = String::from(
            "INSERT INTO portfolio_terms (organisation_id, item_id, term, owner_id, section, visibility, weight) VALUES ",
        );
        for index in 0..chunk.len() {
            let base = index * 6 + 2;
            if index > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "($1, ${}, ${}, ${}, ${}, ${}, ${})",
                base,
                base + 1,
                base + 2,
                base + 3,
                base + 4,
                base + 5
            ));
        }
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(organisation_id);
        for (item, (term, weight)) in chunk {
            query = query
                .bind(&item.item_id)
                .bind(term)
                .bind(&item.owner_id)
                .bind(&item.section)
                .bind(&item.visibility)
                .bind(*weight);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Brings one item's terms in line with the item as it is now: gone when the item is removed,
/// rewritten (visibility included) when it changed. Call it on the connection or transaction
/// that changed the item.
pub async fn index_item(conn: &mut Conn, organisation_id: &str, item_id: &str) -> Result<()> {
    sqlx::query("DELETE FROM portfolio_terms WHERE organisation_id = $1 AND item_id = $2")
        .bind(organisation_id)
        .bind(item_id)
        .execute(&mut *conn)
        .await?;
    let row = sqlx::query(
        "SELECT owner_id, section, title, body, visibility, catalogue_key, details FROM portfolio_items \
         WHERE organisation_id = $1 AND id = $2 AND deleted_at IS NULL",
    )
    .bind(organisation_id)
    .bind(item_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(()) };
    let section: String = row.try_get(1)?;
    let catalogue_key: Option<String> = row.try_get(5)?;
    let terms = item_terms(
        &section,
        &row.try_get::<String, _>(2)?,
        &row.try_get::<String, _>(3)?,
        &row.try_get::<String, _>(6)?,
        catalogue_key.as_deref(),
    );
    let item = IndexedItem {
        item_id: item_id.to_owned(),
        owner_id: row.try_get(0)?,
        section,
        visibility: row.try_get(4)?,
        terms,
    };
    index_bulk(conn, organisation_id, std::slice::from_ref(&item)).await
}

/// Drops the terms of items removed before `before` (their rows are about to be purged).
pub async fn unindex_deleted_before(conn: &mut Conn, before: &str) -> Result<()> {
    sqlx::query(
        "DELETE FROM portfolio_terms WHERE (organisation_id, item_id) IN \
         (SELECT organisation_id, id FROM portfolio_items WHERE deleted_at IS NOT NULL AND deleted_at < $1)",
    )
    .bind(before)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Rebuilds the whole index from the items, in batches. Used when the index is created.
pub async fn rebuild_all(conn: &mut Conn) -> Result<u64> {
    sqlx::query("DELETE FROM portfolio_terms")
        .execute(&mut *conn)
        .await?;
    let mut after = (String::new(), String::new());
    let mut count = 0;
    loop {
        let rows = sqlx::query(
            "SELECT organisation_id, id, owner_id, section, title, body, visibility, catalogue_key, details FROM portfolio_items \
             WHERE deleted_at IS NULL AND (organisation_id > $1 OR (organisation_id = $1 AND id > $2)) \
             ORDER BY organisation_id, id LIMIT 1000",
        )
        .bind(&after.0)
        .bind(&after.1)
        .fetch_all(&mut *conn)
        .await?;
        let Some(last) = rows.last() else { break };
        after = (last.try_get(0)?, last.try_get(1)?);
        let mut by_org: BTreeMap<String, Vec<IndexedItem>> = BTreeMap::new();
        for row in &rows {
            let section: String = row.try_get(3)?;
            let catalogue_key: Option<String> = row.try_get(7)?;
            let terms = item_terms(
                &section,
                &row.try_get::<String, _>(4)?,
                &row.try_get::<String, _>(5)?,
                &row.try_get::<String, _>(8)?,
                catalogue_key.as_deref(),
            );
            by_org
                .entry(row.try_get(0)?)
                .or_default()
                .push(IndexedItem {
                    item_id: row.try_get(1)?,
                    owner_id: row.try_get(2)?,
                    section,
                    visibility: row.try_get(6)?,
                    terms,
                });
        }
        for (organisation_id, items) in &by_org {
            index_bulk(conn, organisation_id, items).await?;
        }
        count += rows.len() as u64;
    }
    Ok(count)
}

/// Who is searching: the visibility rule needs their id and unit.
#[derive(Debug, Clone)]
pub struct Viewer<'a> {
    pub person_id: &'a str,
    pub unit_id: Option<&'a str>,
}

/// Builds numbered placeholders as values are added, so clauses can be composed safely.
#[derive(Default)]
struct Binds {
    values: Vec<Option<String>>,
}

impl Binds {
    fn push(&mut self, value: impl Into<Option<String>>) -> String {
        self.values.push(value.into());
        format!("${}", self.values.len())
    }

    fn list<'a>(&mut self, values: impl IntoIterator<Item = &'a String>) -> String {
        values
            .into_iter()
            .map(|v| self.push(v.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The portfolio visibility rule as SQL over a row with `owner_id` and `visibility` (alias `t`):
/// the owner sees everything; their manager `manager`, `team` and `organisation`; someone in
/// the same unit `team` and `organisation`; everyone else `organisation` only
/// (`Relation::visible`). `org`, `viewer` and `unit` are placeholders.
fn visible_clause(alias: &str, org: &str, viewer: &str, unit: &str) -> String {
    format!(
        "({alias}.visibility = 'organisation' OR {alias}.owner_id = {viewer} \
         OR ({alias}.visibility IN ('manager', 'team') AND {alias}.owner_id IN \
             (SELECT r.id FROM people r WHERE r.organisation_id = {org} AND r.manager_id = {viewer})) \
         OR ({alias}.visibility = 'team' AND {alias}.owner_id IN \
             (SELECT r.id FROM people r WHERE r.organisation_id = {org} AND r.unit_id = {unit})))"
    )
}

/// `LIKE` pattern for the units below a unit's path key.
pub fn sub_unit_pattern(path_key: &str) -> String {
    let mut pattern = String::new();
    for c in path_key.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push_str(" > %");
    pattern
}

/// The directory's filters besides the query.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// Only items of these sections count; empty for all searchable sections.
    pub sections: Vec<String>,
    /// Only people in this unit or a unit below it: `(unit id, unit path key)`.
    pub unit: Option<(String, String)>,
    /// Only people who said they are open to project teams.
    pub available_only: bool,
}

/// A person found, with how well they match.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Hit {
    pub id: String,
    pub display_name: String,
    pub function_title: String,
    pub unit_name: Option<String>,
    pub score: i64,
    pub open_to_teams: Option<i64>,
    pub hours_per_week: Option<i64>,
    pub available_from: Option<String>,
}

fn people_filter(binds: &mut Binds, org: &str, filter: &SearchFilter) -> String {
    let mut clause = String::from("p.active = 1");
    if let Some((unit_id, path_key)) = &filter.unit {
        let id = binds.push(unit_id.clone());
        let pattern = binds.push(sub_unit_pattern(path_key));
        clause.push_str(&format!(
            " AND p.unit_id IN (SELECT su.id FROM units su WHERE su.organisation_id = {org} AND (su.id = {id} OR su.path_key LIKE {pattern} ESCAPE '\\'))"
        ));
    }
    if filter.available_only {
        clause.push_str(" AND a.open_to_teams = 1");
    }
    clause
}

/// One page of the people whose visible items match every group of `groups` (any term of a
/// group will do), best match first, with the total. With no groups, everyone who passes the
/// filters, by name.
pub async fn search_people(
    conn: &mut Conn,
    organisation_id: &str,
    viewer: &Viewer<'_>,
    groups: &[Vec<String>],
    filter: &SearchFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Hit>, i64)> {
    // Without people filters (only "active"), the page can only hold matches scoring at least
    // the (offset + limit)-th best score, so only those are joined with `people`; a broad word
    // then joins a few hundred people instead of thousands. Should people who left take those
    // places, the page is asked again without the cut.
    let cut = !groups.is_empty() && filter.unit.is_none() && !filter.available_only;
    let (hits, total) = search_page(
        conn,
        organisation_id,
        viewer,
        groups,
        filter,
        limit,
        offset,
        cut,
    )
    .await?;
    let shown = offset + hits.len() as i64;
    if cut && (hits.len() as i64) < limit && total > shown {
        return search_page(
            conn,
            organisation_id,
            viewer,
            groups,
            filter,
            limit,
            offset,
            false,
        )
        .await;
    }
    Ok((hits, total))
}

#[allow(clippy::too_many_arguments)]
async fn search_page(
    conn: &mut Conn,
    organisation_id: &str,
    viewer: &Viewer<'_>,
    groups: &[Vec<String>],
    filter: &SearchFilter,
    limit: i64,
    offset: i64,
    cut: bool,
) -> Result<(Vec<Hit>, i64)> {
    let mut binds = Binds::default();
    let org = binds.push(organisation_id.to_owned());
    let people = if groups.is_empty() {
        None
    } else {
        let who = binds.push(viewer.person_id.to_owned());
        let unit = binds.push(viewer.unit_id.map(str::to_owned));
        let mut cases = String::from("CASE");
        let mut all = Vec::new();
        for (index, group) in groups.iter().enumerate() {
            let list = binds.list(group);
            cases.push_str(&format!(" WHEN t.term IN ({list}) THEN {index}"));
            all.push(list);
        }
        cases.push_str(" END");
        let sections = if filter.sections.is_empty() {
            String::new()
        } else {
            format!(" AND t.section IN ({})", binds.list(&filter.sections))
        };
        let having = if groups.len() > 1 {
            format!(" HAVING COUNT(DISTINCT {cases}) = {}", groups.len())
        } else {
            String::new()
        };
        Some(format!(
            "SELECT t.owner_id AS owner_id, CAST(SUM(t.weight) AS BIGINT) AS score FROM portfolio_terms t \
             WHERE t.organisation_id = {org} AND t.term IN ({}) AND {}{sections} \
             GROUP BY t.owner_id{having}",
            all.join(", "),
            visible_clause("t", &org, &who, &unit),
        ))
    };
    let people_clause = people_filter(&mut binds, &org, filter);
    let (with_hits, from, score) = match &people {
        Some(hits) if cut => {
            let best = binds.push((offset + limit).to_string());
            (
                format!(
                    "h AS ({hits}), c AS (SELECT owner_id, score FROM h WHERE score >= \
                     (SELECT MIN(b.score) FROM (SELECT score FROM h ORDER BY score DESC LIMIT CAST({best} AS BIGINT)) b)), "
                ),
                format!("c JOIN people p ON p.organisation_id = {org} AND p.id = c.owner_id"),
                "c.score",
            )
        }
        Some(hits) => (
            format!("h AS ({hits}), "),
            format!("h JOIN people p ON p.organisation_id = {org} AND p.id = h.owner_id"),
            "h.score",
        ),
        None => (String::new(), "people p".to_owned(), "0"),
    };
    // With the cut, `m` is not every match: the count is every matching owner less those who
    // left (few, found through the index on `active`).
    let total = if cut {
        format!(
            "(SELECT COUNT(*) FROM h) - (SELECT COUNT(*) FROM people ip WHERE ip.organisation_id = {org} \
             AND ip.active = 0 AND ip.id IN (SELECT owner_id FROM h))"
        )
    } else {
        "(SELECT COUNT(*) FROM m)".to_owned()
    };
    let limit_at = binds.values.len() + 1;
    let availability = if filter.available_only {
        " LEFT JOIN person_availability a ON a.organisation_id = p.organisation_id AND a.person_id = p.id"
    } else {
        ""
    };
    // `m` holds every match with what the order needs; only the page's people get their unit
    // and availability joined. The count reads the same `m` (computed once).
    let sql = format!(
        "WITH {with_hits}m AS (SELECT p.id AS id, {score} AS score, p.display_name AS display_name \
           FROM {from}{availability} WHERE p.organisation_id = {org} AND {people_clause}), \
         pg AS (SELECT id, score, display_name FROM m ORDER BY score DESC, display_name, id LIMIT ${limit_at} OFFSET ${}) \
         SELECT p.id, p.display_name, p.function_title, u.name AS unit_name, CAST(pg.score AS BIGINT) AS score, \
         a.open_to_teams, a.hours_per_week, a.available_from, {total} AS total \
         FROM pg JOIN people p ON p.organisation_id = {org} AND p.id = pg.id \
         LEFT JOIN units u ON u.organisation_id = p.organisation_id AND u.id = p.unit_id \
         LEFT JOIN person_availability a ON a.organisation_id = p.organisation_id AND a.person_id = p.id \
         ORDER BY pg.score DESC, pg.display_name, pg.id",
        limit_at + 1
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for value in &binds.values {
        query = query.bind(value.clone());
    }
    let rows = query.bind(limit).bind(offset).fetch_all(&mut *conn).await?;
    let mut total = 0;
    let mut hits = Vec::with_capacity(rows.len());
    for row in &rows {
        total = row.try_get("total")?;
        hits.push(Hit {
            id: row.try_get("id")?,
            display_name: row.try_get("display_name")?,
            function_title: row.try_get("function_title")?,
            unit_name: row.try_get("unit_name")?,
            score: row.try_get("score")?,
            open_to_teams: row.try_get("open_to_teams")?,
            hours_per_week: row.try_get("hours_per_week")?,
            available_from: row.try_get("available_from")?,
        });
    }
    if rows.is_empty() && offset > 0 {
        // Past the last page: the count still tells the pager where the end is.
        let (_, counted) = Box::pin(search_page(
            conn,
            organisation_id,
            viewer,
            groups,
            filter,
            1,
            0,
            false,
        ))
        .await?;
        total = counted;
    }
    Ok((hits, total))
}

/// A matching item of one of the people found, as the searcher may see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MatchedItem {
    pub id: String,
    pub owner_id: String,
    pub section: String,
    pub title: String,
    pub body: String,
    pub catalogue_key: Option<String>,
    pub details: String,
    pub position: i64,
}

/// The visible items of `owner_ids` that contain any of `terms`: why each person matched.
pub async fn matched_items(
    conn: &mut Conn,
    organisation_id: &str,
    viewer: &Viewer<'_>,
    terms: &[String],
    sections: &[String],
    owner_ids: &[String],
) -> Result<Vec<MatchedItem>> {
    if terms.is_empty() || owner_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut binds = Binds::default();
    let org = binds.push(organisation_id.to_owned());
    let who = binds.push(viewer.person_id.to_owned());
    let unit = binds.push(viewer.unit_id.map(str::to_owned));
    let term_list = binds.list(terms);
    let owner_list = binds.list(owner_ids);
    let section_clause = if sections.is_empty() {
        String::new()
    } else {
        format!(" AND t.section IN ({})", binds.list(sections))
    };
    // The index's key is (organisation, term, visibility, owner, item): naming every visibility
    // lets both databases look up each (term, visibility, owner) directly instead of reading
    // all of a term's rows. No DISTINCT: SQLite would answer it by walking the item index of the
    // whole organisation (100 ms at 100,000 people); duplicates are dropped here.
    let sql = format!(
        "SELECT t.item_id FROM portfolio_terms t WHERE t.organisation_id = {org} AND t.term IN ({term_list}) \
         AND t.visibility IN ('organisation', 'team', 'manager', 'private') \
         AND t.owner_id IN ({owner_list}) AND {}{section_clause}",
        visible_clause("t", &org, &who, &unit),
    );
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql));
    for value in &binds.values {
        query = query.bind(value.clone());
    }
    let mut item_ids: Vec<String> = query.fetch_all(&mut *conn).await?;
    item_ids.sort_unstable();
    item_ids.dedup();
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut binds = Binds::default();
    let org = binds.push(organisation_id.to_owned());
    let who = binds.push(viewer.person_id.to_owned());
    let unit = binds.push(viewer.unit_id.map(str::to_owned));
    let id_list = binds.list(&item_ids);
    // The item row is checked against its visibility again, so a stale term could never show it.
    // Sorted here: an ORDER BY made SQLite walk the organisation's item index for the order
    // instead of looking the items up by id.
    let sql = format!(
        "SELECT i.id, i.owner_id, i.section, i.title, i.body, i.catalogue_key, i.details, i.position FROM portfolio_items i \
         WHERE i.organisation_id = {org} AND i.id IN ({id_list}) AND i.deleted_at IS NULL AND {}",
        visible_clause("i", &org, &who, &unit),
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for value in &binds.values {
        query = query.bind(value.clone());
    }
    let mut items: Vec<MatchedItem> = query.fetch_all(&mut *conn).await?;
    items.sort_by(|a, b| {
        (&a.owner_id, &a.section, a.position, &a.id).cmp(&(
            &b.owner_id,
            &b.section,
            b.position,
            &b.id,
        ))
    });
    Ok(items)
}

/// A catalogue-linked talent or core quality, as the team talent map reads it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MapItem {
    pub owner_id: String,
    pub section: String,
    pub catalogue_key: String,
    pub details: String,
}

/// The talents and core qualities of `owner_ids` that point to a catalogue entry and that the
/// viewer may see.
pub async fn visible_catalogue_items(
    conn: &mut Conn,
    organisation_id: &str,
    viewer: &Viewer<'_>,
    owner_ids: &[String],
) -> Result<Vec<MapItem>> {
    if owner_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut binds = Binds::default();
    let org = binds.push(organisation_id.to_owned());
    let who = binds.push(viewer.person_id.to_owned());
    let unit = binds.push(viewer.unit_id.map(str::to_owned));
    let owner_list = binds.list(owner_ids);
    let sql = format!(
        "SELECT i.owner_id, i.section, i.catalogue_key, i.details FROM portfolio_items i \
         WHERE i.organisation_id = {org} AND i.owner_id IN ({owner_list}) AND i.deleted_at IS NULL \
         AND i.catalogue_key IS NOT NULL AND i.section IN ('talents', 'core_qualities') AND {} \
         ORDER BY i.owner_id, i.section, i.position",
        visible_clause("i", &org, &who, &unit),
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for value in &binds.values {
        query = query.bind(value.clone());
    }
    Ok(query.fetch_all(&mut *conn).await?)
}

/// Someone on a team talent map.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub id: String,
    pub display_name: String,
}

/// Which people a map is about.
#[derive(Debug, Clone)]
pub enum Selection {
    /// A unit, with its sub-units when the path key is given.
    Unit {
        unit_id: String,
        below_path_key: Option<String>,
    },
    /// The people whose manager is this person.
    ReportsOf(String),
    /// Chosen people.
    People(Vec<String>),
}

/// The active people of a selection by name, at most `limit`, with how many there are in all.
pub async fn members(
    conn: &mut Conn,
    organisation_id: &str,
    selection: &Selection,
    limit: i64,
) -> Result<(Vec<Member>, i64)> {
    let mut binds = Binds::default();
    let org = binds.push(organisation_id.to_owned());
    let clause = match selection {
        Selection::Unit {
            unit_id,
            below_path_key,
        } => {
            let id = binds.push(unit_id.clone());
            match below_path_key {
                Some(path) => {
                    let pattern = binds.push(sub_unit_pattern(path));
                    format!(
                        "p.unit_id IN (SELECT su.id FROM units su WHERE su.organisation_id = {org} AND (su.id = {id} OR su.path_key LIKE {pattern} ESCAPE '\\'))"
                    )
                }
                None => format!("p.unit_id = {id}"),
            }
        }
        Selection::ReportsOf(manager) => format!("p.manager_id = {}", binds.push(manager.clone())),
        Selection::People(ids) if ids.is_empty() => return Ok((Vec::new(), 0)),
        Selection::People(ids) => format!("p.id IN ({})", binds.list(ids)),
    };
    let sql = format!(
        "SELECT p.id, p.display_name, COUNT(*) OVER () AS total FROM people p \
         WHERE p.organisation_id = {org} AND p.active = 1 AND {clause} ORDER BY p.display_name, p.id LIMIT ${}",
        binds.values.len() + 1
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for value in &binds.values {
        query = query.bind(value.clone());
    }
    let rows = query.bind(limit).fetch_all(&mut *conn).await?;
    let mut total = 0;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        total = row.try_get("total")?;
        out.push(Member {
            id: row.try_get("id")?,
            display_name: row.try_get("display_name")?,
        });
    }
    Ok((out, total))
}

/// A talent a unit says it needs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NeededTalent {
    pub entry_key: String,
    pub min_level: Option<i64>,
}

pub async fn needed_talents(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
) -> Result<Vec<NeededTalent>> {
    Ok(sqlx::query_as(
        "SELECT entry_key, min_level FROM unit_needed_talents WHERE organisation_id = $1 AND unit_id = $2 ORDER BY entry_key",
    )
    .bind(organisation_id)
    .bind(unit_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Records (or changes the level of) a talent the unit needs.
pub async fn set_needed_talent(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
    entry_key: &str,
    min_level: Option<i64>,
    set_by: &str,
) -> Result<()> {
    sqlx::query("DELETE FROM unit_needed_talents WHERE organisation_id = $1 AND unit_id = $2 AND entry_key = $3")
        .bind(organisation_id)
        .bind(unit_id)
        .bind(entry_key)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO unit_needed_talents (organisation_id, unit_id, entry_key, min_level, set_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(organisation_id)
    .bind(unit_id)
    .bind(entry_key)
    .bind(min_level)
    .bind(set_by)
    .bind(crate::now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn remove_needed_talent(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
    entry_key: &str,
) -> Result<()> {
    sqlx::query("DELETE FROM unit_needed_talents WHERE organisation_id = $1 AND unit_id = $2 AND entry_key = $3")
        .bind(organisation_id)
        .bind(unit_id)
        .bind(entry_key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What changes whenever the organisation's catalogue changes (entries added, removed or edited:
/// every edit raises the entry's version), so the expansion built from it can be cached.
pub async fn catalogue_fingerprint(
    conn: &mut Conn,
    organisation_id: &str,
) -> Result<(i64, i64, String)> {
    Ok(sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(version), 0) AS BIGINT), COALESCE(MAX(updated_at), '') FROM catalogue_entries WHERE organisation_id = $1",
    )
    .bind(organisation_id)
    .fetch_one(&mut *conn)
    .await?)
}

/// The catalogue entries of an organisation with all their names, for query expansion:
/// `(key, kind, name_nl, name_en, synonyms_nl, synonyms_en)` with synonyms as JSON arrays.
pub async fn catalogue_names(
    conn: &mut Conn,
    organisation_id: &str,
) -> Result<Vec<(String, String, String, String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT entry_key, kind, name_nl, name_en, synonyms_nl, synonyms_en FROM catalogue_entries WHERE organisation_id = $1 ORDER BY entry_key",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_outside_the_searched_sections_have_no_terms() {
        assert!(item_terms("reflections", "Gemeente", "", "{}", None).is_empty());
        let terms = item_terms(
            "talents",
            "Coachen",
            "bij de gemeente",
            r#"{"strength":4,"situation":"samenwerking"}"#,
            Some("coachen"),
        );
        let get = |t: &str| terms.iter().find(|(term, _)| term == t).map(|(_, w)| *w);
        assert_eq!(get("coach"), Some(TITLE_WEIGHT));
        assert_eq!(get("gemeent"), Some(TEXT_WEIGHT));
        assert_eq!(get("samenwerk"), Some(TEXT_WEIGHT));
        assert_eq!(get("cat:coachen"), Some(CATALOGUE_WEIGHT + 4));
    }

    #[test]
    fn sub_unit_patterns_escape_wildcards() {
        assert_eq!(sub_unit_pattern("a_b > c%"), "a\\_b > c\\% > %");
    }
}
