//! What the talent directory and the team talent map read from the database: the terms an item
//! is indexed under (the index itself is [`crate::search_index`]), the people and items a page
//! shows, and the team map's queries. Every query over items applies the portfolio visibility
//! rule ([`kleur_domain::portfolio::Relation::visible`]) in SQL through [`visible_clause`], so a
//! row the viewer may not see is never read into the application.

use std::collections::{BTreeMap, HashSet};

use kleur_domain::search::{catalogue_term, terms};
use sqlx::Row;

use crate::{Conn, Result};

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

/// The page's people with what the result list shows, in the order given (people no longer
/// there are left out).
pub async fn hits(
    conn: &mut Conn,
    organisation_id: &str,
    ranked: &[(String, i64)],
) -> Result<Vec<Hit>> {
    if ranked.is_empty() {
        return Ok(Vec::new());
    }
    let mut binds = Binds::default();
    let org = binds.push(organisation_id.to_owned());
    let ids: Vec<String> = ranked.iter().map(|(id, _)| id.clone()).collect();
    let list = binds.list(&ids);
    let sql = format!(
        "SELECT p.id, p.display_name, p.function_title, u.name AS unit_name, CAST(0 AS BIGINT) AS score, \
         a.open_to_teams, a.hours_per_week, a.available_from FROM people p \
         LEFT JOIN units u ON u.organisation_id = p.organisation_id AND u.id = p.unit_id \
         LEFT JOIN person_availability a ON a.organisation_id = p.organisation_id AND a.person_id = p.id \
         WHERE p.organisation_id = {org} AND p.id IN ({list})"
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for value in &binds.values {
        query = query.bind(value.clone());
    }
    let mut found: Vec<Hit> = query.fetch_all(&mut *conn).await?;
    Ok(ranked
        .iter()
        .filter_map(|(id, score)| {
            let position = found.iter().position(|hit| &hit.id == id)?;
            let mut hit = found.swap_remove(position);
            hit.score = *score;
            Some(hit)
        })
        .collect())
}

/// The ids of a unit and every unit below it.
pub async fn unit_and_below(
    conn: &mut Conn,
    organisation_id: &str,
    unit_id: &str,
    path_key: &str,
) -> Result<HashSet<String>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM units WHERE organisation_id = $1 AND (id = $2 OR path_key LIKE $3 ESCAPE '\\')",
    )
    .bind(organisation_id)
    .bind(unit_id)
    .bind(sub_unit_pattern(path_key))
    .fetch_all(&mut *conn)
    .await?;
    Ok(ids.into_iter().collect())
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

/// The items with these ids that the viewer may see, by owner, section and position: why each
/// person on a page matched. The index chose them; each row's visibility is checked here again,
/// so an index behind the database could never show an item.
pub async fn matched_items(
    conn: &mut Conn,
    organisation_id: &str,
    viewer: &Viewer<'_>,
    item_ids: &[String],
) -> Result<Vec<MatchedItem>> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut binds = Binds::default();
    let org = binds.push(organisation_id.to_owned());
    let who = binds.push(viewer.person_id.to_owned());
    let unit = binds.push(viewer.unit_id.map(str::to_owned));
    let id_list = binds.list(item_ids);
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
