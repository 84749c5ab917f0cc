//! The talent directory and the team talent map: colleagues find each other by what they shared,
//! and a team sees its strengths and gaps. Everything here reads only what the searcher may see:
//! the visibility rule is applied in the queries (`kleur_storage::search`).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};

use kleur_domain::search::{Expansion, ExpansionEntry, Query, Segment, excerpt, highlight};
use kleur_domain::{Locale, Page, PageRequest, Role};
use kleur_storage::search::{self as store, Hit, Member, NeededTalent, Selection, Viewer};
use kleur_storage::search_index::IndexQuery;
use kleur_storage::{Conn, Db, org, people};

use crate::{Actor, Result, ServiceError};

/// The sections a searcher can narrow to: talents, core qualities, passions, experience.
pub const SEARCH_SECTIONS: [&str; 4] = ["talents", "core_qualities", "passions", "results"];
pub const QUERY_MAX: usize = 200;
/// The most matching items shown per person.
pub const REASONS_PER_PERSON: usize = 4;
const EXCERPT_CHARS: usize = 160;

/// What the search form sends.
#[derive(Debug, Clone, Default)]
pub struct SearchInput {
    pub query: String,
    /// One of [`SEARCH_SECTIONS`], or empty for all.
    pub section: String,
    /// A unit id (its sub-units are included), or empty.
    pub unit_id: String,
    pub available_only: bool,
}

/// One item that made a person match, with the matching words marked.
#[derive(Debug, Clone)]
pub struct Reason {
    pub section: String,
    pub title: Vec<Segment>,
    pub excerpt: Vec<Segment>,
    pub strength: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Found {
    pub person: Hit,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone)]
pub struct SearchResult {
    /// False when nothing was asked yet (no words, no filter): the page shows an introduction.
    pub searched: bool,
    pub page: Page<Found>,
    /// Catalogue entries the words were expanded to, as `(key, name in the viewer's language)`.
    pub expanded_to: Vec<(String, String)>,
}

/// A catalogue entry's names as search and the map use them.
#[derive(Debug, Clone)]
pub struct CatalogueName {
    pub key: String,
    pub kind: String,
    pub nl: String,
    pub en: String,
    pub synonyms: Vec<String>,
}

impl CatalogueName {
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::Nl => &self.nl,
            Locale::En => &self.en,
        }
    }
}

/// The organisation's catalogue names (the default catalogue when it has none yet).
pub async fn catalogue_names(conn: &mut Conn, organisation_id: &str) -> Result<Vec<CatalogueName>> {
    let rows = store::catalogue_names(conn, organisation_id).await?;
    if rows.is_empty() {
        return Ok(kleur_domain::catalogue::default_catalogue_ref()
            .entries
            .iter()
            .map(|e| CatalogueName {
                key: e.key.clone(),
                kind: e.kind.as_str().to_owned(),
                nl: e.nl.clone(),
                en: e.en.clone(),
                synonyms: e
                    .synonyms_nl
                    .iter()
                    .chain(&e.synonyms_en)
                    .cloned()
                    .collect(),
            })
            .collect());
    }
    Ok(rows
        .into_iter()
        .map(|(key, kind, nl, en, syn_nl, syn_en)| {
            let mut synonyms: Vec<String> = serde_json::from_str(&syn_nl).unwrap_or_default();
            synonyms.extend(serde_json::from_str::<Vec<String>>(&syn_en).unwrap_or_default());
            CatalogueName {
                key,
                kind,
                nl,
                en,
                synonyms,
            }
        })
        .collect())
}

fn expansion(names: &[CatalogueName]) -> Vec<ExpansionEntry> {
    names
        .iter()
        .map(|n| ExpansionEntry {
            key: n.key.clone(),
            names: [n.nl.clone(), n.en.clone()]
                .into_iter()
                .chain(n.synonyms.iter().cloned())
                .collect(),
        })
        .collect()
}

/// An organisation's catalogue names with their stems, as of one catalogue fingerprint.
struct CachedCatalogue {
    fingerprint: (i64, i64, String),
    names: Vec<CatalogueName>,
    expansion: Expansion,
}

/// Per organisation: stemming every catalogue name for every query was the costliest part of a
/// search. Keyed by the catalogue's fingerprint (read on every search, one small aggregate), so
/// a change on any node is seen by the next search.
static CATALOGUES: LazyLock<Mutex<HashMap<String, Arc<CachedCatalogue>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

async fn cached_catalogue(conn: &mut Conn, organisation_id: &str) -> Result<Arc<CachedCatalogue>> {
    let fingerprint = store::catalogue_fingerprint(conn, organisation_id).await?;
    let cached = CATALOGUES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get(organisation_id)
        .filter(|c| c.fingerprint == fingerprint)
        .cloned();
    if let Some(cached) = cached {
        return Ok(cached);
    }
    let names = catalogue_names(conn, organisation_id).await?;
    let fresh = Arc::new(CachedCatalogue {
        fingerprint,
        expansion: Expansion::new(&expansion(&names)),
        names,
    });
    CATALOGUES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .insert(organisation_id.to_owned(), fresh.clone());
    Ok(fresh)
}

async fn viewer_unit(conn: &mut Conn, actor: &Actor) -> Result<Option<String>> {
    Ok(
        people::get_person(conn, &actor.organisation_id, &actor.person_id)
            .await?
            .ok_or(ServiceError::NotFound)?
            .unit_id,
    )
}

/// The unit filter: the ids of the unit and every unit below it, or a field error for a unit not
/// in this organisation.
async fn unit_filter(
    conn: &mut Conn,
    actor: &Actor,
    unit_id: &str,
) -> Result<Option<HashSet<String>>> {
    let unit_id = unit_id.trim();
    if unit_id.is_empty() {
        return Ok(None);
    }
    match org::get_unit(conn, &actor.organisation_id, unit_id).await? {
        Some(unit) => Ok(Some(
            store::unit_and_below(conn, &actor.organisation_id, &unit.id, &unit.path_key).await?,
        )),
        None => Err(ServiceError::invalid("onderdeel", "directory-error-unit")),
    }
}

/// Builds this node's search index for every organisation, so the first search after a start
/// does not wait for it (about 2 s for 100,000 people). Errors are logged, not fatal: a search
/// builds what is missing.
pub async fn warm_search_index(db: Db) {
    let organisations = match db.acquire().await {
        Ok(mut conn) => org::list_organisations(&mut conn).await,
        Err(error) => Err(error),
    };
    let organisations = match organisations {
        Ok(organisations) => organisations,
        Err(error) => {
            tracing::error!(%error, "listing organisations for the search index");
            return;
        }
    };
    for organisation in organisations {
        let warmed = match db.acquire().await {
            Ok(mut conn) => db.search_index().warm(&mut conn, &organisation.id).await,
            Err(error) => Err(error),
        };
        if let Err(error) = warmed {
            tracing::error!(%error, organisation = %organisation.slug, "building the search index");
        }
    }
}

/// Deletes the search index's change signals every node has had time to read.
pub async fn prune_search_changes(db: &Db) -> Result<u64> {
    let mut conn = db.acquire().await?;
    Ok(kleur_storage::search_index::prune_changes(&mut conn).await?)
}

/// Finds colleagues by what they shared with the actor: every word must match one of a
/// person's visible items (through its stem or the catalogue's names and synonyms).
pub async fn search(
    db: &Db,
    actor: &Actor,
    input: &SearchInput,
    request: PageRequest,
    locale: Locale,
) -> Result<SearchResult> {
    if input.query.chars().count() > QUERY_MAX {
        return Err(ServiceError::invalid("q", "error-text-too-long"));
    }
    let section = input.section.trim();
    if !section.is_empty() && !SEARCH_SECTIONS.contains(&section) {
        return Err(ServiceError::invalid("sectie", "error-section"));
    }
    let mut conn = db.acquire().await?;
    let units = unit_filter(&mut conn, actor, &input.unit_id).await?;
    let catalogue = cached_catalogue(&mut conn, &actor.organisation_id).await?;
    let names = &catalogue.names;
    let query = Query::parse_expanded(&input.query, &catalogue.expansion);
    let words_given = !input.query.trim().is_empty();
    let empty_page = |searched| SearchResult {
        searched,
        page: Page {
            items: Vec::new(),
            page: request.page,
            per_page: request.per_page,
            total: 0,
        },
        expanded_to: Vec::new(),
    };
    if !words_given && units.is_none() && !input.available_only {
        return Ok(empty_page(false));
    }
    if words_given && query.is_empty() {
        // Only stop words: nothing to look for.
        return Ok(empty_page(true));
    }
    let sections: Vec<String> = if section.is_empty() {
        Vec::new()
    } else {
        vec![section.to_owned()]
    };
    let groups: Vec<Vec<String>> = query
        .groups
        .iter()
        .map(|g| g.terms.iter().cloned().collect())
        .collect();
    let ranking = db
        .search_index()
        .search(
            &mut conn,
            &actor.organisation_id,
            &IndexQuery {
                viewer_id: &actor.person_id,
                groups: &groups,
                sections: &sections,
                units: units.as_ref(),
                available_only: input.available_only,
                limit: usize::try_from(request.limit()).unwrap_or_default(),
                offset: usize::try_from(request.offset()).unwrap_or_default(),
            },
        )
        .await?;
    let ranked: Vec<(String, i64)> = ranking
        .page
        .iter()
        .map(|r| (r.person_id.clone(), r.score))
        .collect();
    let hits = store::hits(&mut conn, &actor.organisation_id, &ranked).await?;
    let item_ids: Vec<String> = ranking.page.into_iter().flat_map(|r| r.item_ids).collect();
    let viewer = Viewer {
        person_id: &actor.person_id,
        unit_id: ranking.viewer_unit.as_deref(),
    };
    let items = store::matched_items(&mut conn, &actor.organisation_id, &viewer, &item_ids).await?;
    let all_terms: BTreeSet<String> = query.all_terms();
    let mut reasons: HashMap<String, Vec<Reason>> = HashMap::new();
    for item in items {
        let list = reasons.entry(item.owner_id.clone()).or_default();
        if list.len() >= REASONS_PER_PERSON {
            continue;
        }
        let details: serde_json::Value = serde_json::from_str(&item.details).unwrap_or_default();
        // The body, or else the story around a talent, whichever has the words.
        let text = [
            item.body.as_str(),
            details
                .get("situation")
                .and_then(|v| v.as_str())
                .unwrap_or(""),
            details.get("result").and_then(|v| v.as_str()).unwrap_or(""),
        ]
        .into_iter()
        .find(|t| highlight(t, &all_terms).iter().any(|s| s.matched))
        .unwrap_or(item.body.as_str())
        .to_owned();
        list.push(Reason {
            section: item.section,
            title: highlight(&item.title, &all_terms),
            excerpt: highlight(&excerpt(&text, &all_terms, EXCERPT_CHARS), &all_terms),
            strength: details.get("strength").and_then(|v| v.as_i64()),
        });
    }
    let expanded_to = query
        .groups
        .iter()
        .flat_map(|g| g.entries.iter())
        .filter_map(|key| names.iter().find(|n| &n.key == key))
        .map(|n| (n.key.clone(), n.name(locale).to_owned()))
        .collect();
    Ok(SearchResult {
        searched: true,
        page: Page {
            items: hits
                .into_iter()
                .map(|person| Found {
                    reasons: reasons.remove(&person.id).unwrap_or_default(),
                    person,
                })
                .collect(),
            page: request.page,
            per_page: request.per_page,
            total: u64::try_from(ranking.total).unwrap_or(0),
        },
        expanded_to,
    })
}

/// The most people one map shows; a larger selection shows the first by name.
pub const MAP_PEOPLE_MAX: i64 = 60;
/// The most people that can be chosen by hand.
pub const CHOSEN_PEOPLE_MAX: usize = 60;

/// Whose talents the map shows.
#[derive(Debug, Clone)]
pub enum MapScope {
    /// The actor's own unit.
    MyUnit,
    /// A unit, with or without its sub-units.
    Unit {
        unit_id: String,
        with_sub_units: bool,
    },
    /// The people the actor manages.
    MyReports,
    /// People chosen by id (from the directory).
    People(Vec<String>),
}

/// One cell: the person shared this talent with the viewer, perhaps with a self-rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub shared: bool,
    pub level: Option<i64>,
}

/// A talent column of the map.
#[derive(Debug, Clone)]
pub struct MapColumn {
    pub key: String,
    pub name: String,
    pub kind: String,
    pub holders: usize,
    /// The highest self-rating among the holders.
    pub best_level: Option<i64>,
    pub average_level: Option<f64>,
    pub needed: Option<NeededTalent>,
    /// Needed, and nobody (at the needed level) has shared it.
    pub gap: bool,
}

#[derive(Debug, Clone)]
pub struct TalentMap {
    pub unit: Option<org::Unit>,
    pub members: Vec<Member>,
    /// How many people the selection has in all (more than `members` when cut off).
    pub total_members: i64,
    pub columns: Vec<MapColumn>,
    /// `cells[person][column]`.
    pub cells: Vec<Vec<Cell>>,
    /// May the actor record what this unit needs.
    pub can_edit_needs: bool,
}

impl TalentMap {
    pub fn gaps(&self) -> impl Iterator<Item = &MapColumn> {
        self.columns.iter().filter(|c| c.gap)
    }
}

/// May the actor say which talents a unit needs: its manager (a manager in the unit or a unit
/// above it), HR and administrators.
async fn may_edit_needs(conn: &mut Conn, actor: &Actor, unit: &org::Unit) -> Result<bool> {
    if actor.roles.can_manage_people() {
        return Ok(true);
    }
    if !actor.roles.has(Role::Manager) {
        return Ok(false);
    }
    let Some(own_unit) = viewer_unit(conn, actor).await? else {
        return Ok(false);
    };
    if own_unit == unit.id {
        return Ok(true);
    }
    let Some(own) = org::get_unit(conn, &actor.organisation_id, &own_unit).await? else {
        return Ok(false);
    };
    Ok(unit.path_key.starts_with(&format!("{} > ", own.path_key)))
}

/// The talent map of a team or selection, over what its people shared with the actor.
pub async fn talent_map(
    db: &Db,
    actor: &Actor,
    scope: &MapScope,
    locale: Locale,
) -> Result<TalentMap> {
    let mut conn = db.acquire().await?;
    let own_unit = viewer_unit(&mut conn, actor).await?;
    let (unit, selection) = match scope {
        MapScope::MyUnit => match &own_unit {
            Some(id) => (
                org::get_unit(&mut conn, &actor.organisation_id, id).await?,
                Selection::Unit {
                    unit_id: id.clone(),
                    below_path_key: None,
                },
            ),
            None => (None, Selection::People(Vec::new())),
        },
        MapScope::Unit {
            unit_id,
            with_sub_units,
        } => {
            let unit = org::get_unit(&mut conn, &actor.organisation_id, unit_id.trim())
                .await?
                .ok_or(ServiceError::NotFound)?;
            let selection = Selection::Unit {
                unit_id: unit.id.clone(),
                below_path_key: with_sub_units.then(|| unit.path_key.clone()),
            };
            (Some(unit), selection)
        }
        MapScope::MyReports => (None, Selection::ReportsOf(actor.person_id.clone())),
        MapScope::People(ids) => {
            if ids.len() > CHOSEN_PEOPLE_MAX {
                return Err(ServiceError::invalid("persoon", "directory-error-too-many"));
            }
            (None, Selection::People(ids.clone()))
        }
    };
    let (members, total_members) = store::members(
        &mut conn,
        &actor.organisation_id,
        &selection,
        MAP_PEOPLE_MAX,
    )
    .await?;
    let viewer = Viewer {
        person_id: &actor.person_id,
        unit_id: own_unit.as_deref(),
    };
    let ids: Vec<String> = members.iter().map(|m| m.id.clone()).collect();
    let items =
        store::visible_catalogue_items(&mut conn, &actor.organisation_id, &viewer, &ids).await?;
    let needed = match &unit {
        Some(unit) => store::needed_talents(&mut conn, &actor.organisation_id, &unit.id).await?,
        None => Vec::new(),
    };
    let can_edit_needs = match &unit {
        Some(unit) => may_edit_needs(&mut conn, actor, unit).await?,
        None => false,
    };
    let names = catalogue_names(&mut conn, &actor.organisation_id).await?;
    // Columns: what is needed first, then what the people shared, most widely held first.
    let mut keys: Vec<String> = needed.iter().map(|n| n.entry_key.clone()).collect();
    for item in &items {
        if !keys.contains(&item.catalogue_key) {
            keys.push(item.catalogue_key.clone());
        }
    }
    let person_index: HashMap<&str, usize> = members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut cells = vec![
        vec![
            Cell {
                shared: false,
                level: None
            };
            keys.len()
        ];
        members.len()
    ];
    for item in &items {
        let (Some(&row), Some(column)) = (
            person_index.get(item.owner_id.as_str()),
            keys.iter().position(|k| *k == item.catalogue_key),
        ) else {
            continue;
        };
        let details: serde_json::Value = serde_json::from_str(&item.details).unwrap_or_default();
        let level = details
            .get("strength")
            .and_then(|v| v.as_i64())
            .filter(|l| (1..=5).contains(l));
        let cell = &mut cells[row][column];
        cell.shared = true;
        cell.level = cell.level.max(level);
    }
    let mut columns: Vec<(usize, MapColumn)> = keys
        .iter()
        .enumerate()
        .map(|(index, key)| {
            let entry = names.iter().find(|n| &n.key == key);
            let column_cells: Vec<Cell> = cells.iter().map(|row| row[index]).collect();
            let holders = column_cells.iter().filter(|c| c.shared).count();
            let levels: Vec<i64> = column_cells.iter().filter_map(|c| c.level).collect();
            let need = needed.iter().find(|n| &n.entry_key == key).cloned();
            let gap = match &need {
                None => false,
                Some(NeededTalent {
                    min_level: Some(min),
                    ..
                }) => !levels.iter().any(|l| l >= min),
                Some(_) => holders == 0,
            };
            (
                index,
                MapColumn {
                    key: key.clone(),
                    name: entry.map_or_else(|| key.clone(), |e| e.name(locale).to_owned()),
                    kind: entry.map_or_else(|| "talent".to_owned(), |e| e.kind.clone()),
                    holders,
                    best_level: levels.iter().copied().max(),
                    average_level: (!levels.is_empty())
                        .then(|| levels.iter().sum::<i64>() as f64 / levels.len() as f64),
                    needed: need,
                    gap,
                },
            )
        })
        .collect();
    columns.sort_by(|(_, a), (_, b)| {
        b.needed
            .is_some()
            .cmp(&a.needed.is_some())
            .then(b.holders.cmp(&a.holders))
            .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    let order: Vec<usize> = columns.iter().map(|(i, _)| *i).collect();
    let cells = cells
        .into_iter()
        .map(|row| order.iter().map(|i| row[*i]).collect())
        .collect();
    Ok(TalentMap {
        unit,
        members,
        total_members,
        columns: columns.into_iter().map(|(_, c)| c).collect(),
        cells,
        can_edit_needs,
    })
}

/// Records that a unit needs a talent (at least at `min_level`, 1–5, when given).
pub async fn set_needed_talent(
    db: &Db,
    actor: &Actor,
    unit_id: &str,
    entry_key: &str,
    min_level: &str,
) -> Result<()> {
    let min_level = match kleur_domain::portfolio::parse_rating(min_level) {
        Ok(level) => level.map(i64::from),
        Err(_) => return Err(ServiceError::invalid("niveau", "error-rating")),
    };
    let mut tx = db.begin().await?;
    let unit = org::get_unit(&mut tx, &actor.organisation_id, unit_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !may_edit_needs(&mut tx, actor, &unit).await? {
        return Err(ServiceError::Forbidden);
    }
    let names = catalogue_names(&mut tx, &actor.organisation_id).await?;
    if !names.iter().any(|n| n.key == entry_key.trim()) {
        return Err(ServiceError::invalid("talent", "error-catalogue-key"));
    }
    store::set_needed_talent(
        &mut tx,
        &actor.organisation_id,
        &unit.id,
        entry_key.trim(),
        min_level,
        &actor.person_id,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove_needed_talent(
    db: &Db,
    actor: &Actor,
    unit_id: &str,
    entry_key: &str,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let unit = org::get_unit(&mut tx, &actor.organisation_id, unit_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !may_edit_needs(&mut tx, actor, &unit).await? {
        return Err(ServiceError::Forbidden);
    }
    store::remove_needed_talent(&mut tx, &actor.organisation_id, &unit.id, entry_key.trim())
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The catalogue entries a unit can say it needs, by name in the actor's language.
pub async fn needable_talents(
    db: &Db,
    actor: &Actor,
    locale: Locale,
) -> Result<Vec<CatalogueName>> {
    let mut conn = db.acquire().await?;
    let mut names = catalogue_names(&mut conn, &actor.organisation_id).await?;
    names.sort_by_key(|n| n.name(locale).to_lowercase());
    Ok(names)
}
